using Portal.Catalogue;

namespace Portal.Tests.Catalogue;

public class PermalinkPathTests
{
    [Theory]
    [InlineData("A/75/778", null, "A/75/778")]
    [InlineData("zh/A/75/778", "zh", "A/75/778")]
    [InlineData("ch/A/75/778", "zh", "A/75/778")]
    [InlineData("EN/s/2021/177", "en", "S/2021/177")]
    [InlineData("A/75/778%E2%80%93S/2021/177", null, "A/75/778")]
    [InlineData("a%2075%2F778", null, null)]
    [InlineData("fr/A/75/950/Corr.1", "fr", "A/75/950/Corr.1")]
    public void ReadsLanguageAndSymbols(string path, string? language, string? firstSymbol)
    {
        var parsed = PermalinkPath.Parse(path);

        if (firstSymbol is null)
        {
            Assert.Null(parsed);
            return;
        }
        Assert.NotNull(parsed);
        Assert.Equal(language, parsed.Language);
        Assert.Equal(firstSymbol, parsed.Symbols[0].Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A//")]
    [InlineData("%00")]
    [InlineData("zh")]
    [InlineData("zh/")]
    [InlineData("favicon.ico")]
    [InlineData("../../etc/passwd")]
    public void RejectsWhatIsNotASymbol(string path)
    {
        Assert.Null(PermalinkPath.Parse(path));
    }

    [Fact]
    public void RejectsVeryLongPaths()
    {
        Assert.Null(PermalinkPath.Parse(string.Concat(Enumerable.Repeat("A/75/", 1000))));
    }
}
