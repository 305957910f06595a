using Portal.Domain;

namespace Portal.Tests.Domain;

public class UnLanguageTests
{
    [Theory]
    [InlineData("zh", "zh")]
    [InlineData("ch", "zh")]
    [InlineData("CH", "zh")]
    [InlineData("En", "en")]
    [InlineData(" ar ", "ar")]
    public void CodesParseIncludingTheOldChineseCode(string input, string expected)
    {
        Assert.True(UnLanguage.TryParse(input, out var language));
        Assert.Equal(expected, language.Code);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("english")]
    public void OtherCodesAreNotUnLanguages(string? input)
    {
        Assert.False(UnLanguage.TryParse(input, out _));
    }

    [Fact]
    public void OnlyArabicIsRightToLeft()
    {
        Assert.Equal(["ar"], UnLanguage.All.Where(l => l.IsRightToLeft).Select(l => l.Code));
        Assert.Equal("rtl", UnLanguage.Arabic.Direction);
        Assert.Equal(6, UnLanguage.All.Count);
    }
}
