using System.Net;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

public class QueryValuesTests(QueryValuesTests.Fixture fixture) : IClassFixture<QueryValuesTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("abc", 1)]
    [InlineData("1e5", 1)]
    [InlineData("-1", 1)]
    [InlineData("0", 1)]
    [InlineData(" 7 ", 7)]
    [InlineData("007", 7)]
    [InlineData("٣", 1)]
    [InlineData("10000", QueryValues.MaxPage)]
    [InlineData("10001", QueryValues.MaxPage)]
    [InlineData("99999999999", QueryValues.MaxPage)]
    [InlineData("99999999999999999999999999999999999999", QueryValues.MaxPage)]
    public void PageNumbersAreReadLenientlyAndClamped(string? text, int expected) =>
        Assert.Equal(expected, QueryValues.Page(text));

    [Theory]
    [InlineData("/sessions/ga/75", "Right of peoples to self-determination")]
    [InlineData("/sessions/ga/75/items/71", "A/75/950")]
    [InlineData("/search?q=letter", "Search")]
    public async Task MalformedPageNumbersOpenThePageInsteadOfFailing(string path, string expected)
    {
        using var client = fixture.CreateClient(new() { AllowAutoRedirect = false });
        var separator = path.Contains('?') ? '&' : '?';
        foreach (var page in new[] { "abc", "1e5", "99999999999", "", "-3", "%00", "1.5" })
        {
            using var response = await client.GetAsync($"{path}{separator}page={page}");
            var html = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"page={page} answered {(int)response.StatusCode}");
            Assert.Contains(expected, html);
        }
    }
}
