using Portal.Catalogue;

namespace Portal.Tests.Catalogue;

public class SessionNamesTests
{
    [Theory]
    [InlineData(75, "Seventy-fifth")]
    [InlineData(76, "Seventy-sixth")]
    [InlineData(80, "Eightieth")]
    [InlineData(1, "First")]
    [InlineData(12, "Twelfth")]
    [InlineData(41, "Forty-first")]
    public void SessionsAreNamedInWords(int number, string expected)
    {
        Assert.Equal(expected, SessionNames.OrdinalWords(number));
    }
}
