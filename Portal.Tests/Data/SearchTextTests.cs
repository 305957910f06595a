using Portal.Data.Search;

namespace Portal.Tests.Data;

public sealed class SearchTextTests
{
    [Fact]
    public void ATextWithNothingToFoldIsReturnedAsItIs()
    {
        var text = "Доклад о разоружении, 关于地雷 and the report مؤتمر";

        Assert.Same(text, SearchText.Fold(text));
    }

    [Theory]
    [InlineData("Её отчёт", "Ее отчет")]
    [InlineData("ЁЛКА", "ЕЛКА")]
    [InlineData("The word تَقْرِير at the end", "The word تقرير at the end")]
    [InlineData("\u064Eأول", "أول")]
    [InlineData("مـــؤتمر", "مؤتمر")]
    [InlineData("آخر\u0652", "آخر")]
    public void ArabicMarksAndTatweelAreDroppedAndYoIsWrittenYeWhereverTheyStand(string text, string folded)
    {
        Assert.Equal(folded, SearchText.Fold(text));
    }
}
