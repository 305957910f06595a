using Portal.Infrastructure;

namespace Portal.Tests.Infrastructure;

/// <summary>The rules the pages and the API share for reading query values; BadQueryValueTests checks what the pages answer.</summary>
public class QueryValuesTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("007", 7)]
    [InlineData("10000", QueryValues.MaxPage)]
    public void PageNumbersAreDigitsFromOneToTheMaximum(string text, int expected)
    {
        Assert.True(QueryValues.TryPage(text, out var page));
        Assert.Equal(expected, page);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1e5")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("0")]
    [InlineData(" 7 ")]
    [InlineData("1.5")]
    [InlineData("٣")]
    [InlineData("10001")]
    [InlineData("99999999999")]
    [InlineData("99999999999999999999999999999999999999")]
    public void OtherPageNumbersAreRefused(string text) => Assert.False(QueryValues.TryPage(text, out _));

    [Theory]
    [InlineData("2021-02-28", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2021-02-30", false)]
    [InlineData("2021-2-3", false)]
    [InlineData("30/03/2021", false)]
    [InlineData("2021-03-30T00:00", false)]
    public void DatesAreWrittenYearMonthDay(string text, bool read) => Assert.Equal(read, QueryValues.TryDate(text, out _));

    [Theory]
    [InlineData("letter", true)]
    [InlineData("NoteVerbale", true)]
    [InlineData("1", false)]
    [InlineData("letter,letter", false)]
    [InlineData("poem", false)]
    public void EnumValuesAreNamesNeverNumbers(string text, bool read) =>
        Assert.Equal(read, QueryValues.TryEnum<Portal.Data.Entities.DocumentKind>(text, out _));
}
