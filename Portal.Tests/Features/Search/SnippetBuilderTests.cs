using Portal.Data.Search;
using Portal.Features.Search;

namespace Portal.Tests.Features.Search;

public sealed class SnippetBuilderTests
{
    private static readonly string LongBody = "# Letter\n\nI have the **honour** to refer to the [report](https://example.org/report) of the Secretary-General. "
        + string.Concat(Enumerable.Repeat("The Committee examined the situation in the region at length. ", 200))
        + "Only here, far into the text, is the word zeppelin.";

    private static IndexedText Text(string body) => new(1, "en", "A title", body, "");

    [Fact]
    public void TheOpeningIsTheFirstWordsOfTheTextWithoutMarkdownCutAtAWord()
    {
        var part = Assert.Single(SnippetBuilder.Opening(Text(LongBody)));

        Assert.False(part.IsMatch);
        Assert.StartsWith("Letter I have the honour to refer to the report of the Secretary-General. The Committee", part.Text);
        Assert.EndsWith(" …", part.Text);
        Assert.InRange(part.Text.Length, 200, 245);
        Assert.Matches(@"\w …$", part.Text); // cut at a word's end, not inside one
    }

    [Fact]
    public void AShortTextIsItsWholeOpeningWithoutAnEllipsis()
    {
        Assert.Equal("Short letter.", Assert.Single(SnippetBuilder.Opening(Text("*Short* letter."))).Text);
    }

    [Fact]
    public void AMatchFarIntoALongTextIsFoundAndMarkedNotReplacedByTheOpening()
    {
        var parts = SnippetBuilder.Build(Text(LongBody), SearchInput.Parse("zeppelin").Terms);

        Assert.Contains(parts, p => p.IsMatch && p.Text == "zeppelin");
    }

    [Fact]
    public void ATextWithoutTheWordsShowsItsOpening()
    {
        Assert.Equal(SnippetBuilder.Opening(Text(LongBody)), SnippetBuilder.Build(Text(LongBody), SearchInput.Parse("dirigible").Terms));
    }

    [Fact]
    public void NoTermsShowTheOpening()
    {
        Assert.Equal(SnippetBuilder.Opening(Text(LongBody)), SnippetBuilder.Build(Text(LongBody), []));
    }

    [Theory]
    [InlineData("Le développement durable de la Côte d'Ivoire.", "developpement", "développement")]
    [InlineData("Le développement durable de la Côte d'Ivoire.", "COTE", "Côte")]
    [InlineData("THE ÉCONOMIE OF SMALL ISLANDS", "économie", "ÉCONOMIE")]
    [InlineData("Ｕｎｉｔｅｄ Ｎａｔｉｏｎｓ in full width", "united", "Ｕｎｉｔｅｄ")]
    [InlineData("カタカナ and ひらがな", "かたかな", "カタカナ")]
    [InlineData("Доклад о разоружении", "РАЗОРУЖЕНИИ", "разоружении")]
    [InlineData("关于地雷威胁的信", "地雷", "地雷")]
    [InlineData("Le de\u0301veloppement, written with a combining accent", "developpement", "de\u0301veloppement")]
    [InlineData("Le développement, asked for with a combining accent", "de\u0301veloppement", "développement")]
    public void MatchesIgnoreCaseAccentsWidthAndKanaTypeAndMarkTheTextAsWritten(string body, string query, string marked)
    {
        var parts = SnippetBuilder.Build(Text(body), SearchInput.Parse(query).Terms);

        Assert.Equal(marked, Assert.Single(parts, p => p.IsMatch).Text);
        Assert.Equal(body, string.Concat(parts.Select(p => p.Text)));
    }

    [Fact]
    public void MarkdownMarksAreDroppedAndWhiteSpaceIsOneSpace()
    {
        var body = "Footnote[^12] and [a link](https://un.org/x) with **bold**, `code`, > quote | cell _it_; ]( no target\nnext line [^x] kept";

        Assert.Equal("Footnote and a link with bold, code, quote cell it; ]( no target next line ^x] kept", Assert.Single(SnippetBuilder.Opening(Text(body))).Text);
    }

    /// <summary>Filler of the given length, words of ten characters with no term of the tests in them.</summary>
    private static string Filler(int length) => string.Concat(Enumerable.Repeat("committee ", length / 10 + 1))[..length];

    [Theory]
    [InlineData(SnippetBuilder.FirstStep - 12)]
    [InlineData(SnippetBuilder.FirstStep - 5)]
    [InlineData(SnippetBuilder.FirstStep - 1)]
    [InlineData(SnippetBuilder.FirstStep)]
    [InlineData(SnippetBuilder.FirstStep + 3)]
    [InlineData(3 * SnippetBuilder.FirstStep - 4)]
    [InlineData(7 * SnippetBuilder.FirstStep - 8)]
    public void AWordAcrossTheStepsInWhichATextIsReadIsFoundAndItsPassageIsTheTextAroundIt(int offset)
    {
        // Markdown marks before the word make the plain text shorter than the Markdown: the steps count plain characters.
        var body = "**Note** " + Filler(offset - 9) + "zeppelin" + Filler(2000);

        var parts = SnippetBuilder.Build(Text(body), SearchInput.Parse("ZEPPELIN").Terms);

        Assert.Equal("zeppelin", Assert.Single(parts, p => p.IsMatch).Text);
        var passage = string.Concat(parts.Select(p => p.Text));
        Assert.StartsWith("… ", passage);
        Assert.EndsWith(" …", passage);
        Assert.Contains(passage[2..^2], "Note " + Filler(offset - 9) + "zeppelin" + Filler(2000));
        Assert.InRange(passage.Length, 200, 270);
    }

    [Fact]
    public void APassageThatReachesTheEndOfTheTextHasNoClosingEllipsisEvenWhenMarkdownMarksFollow()
    {
        var parts = SnippetBuilder.Build(Text(Filler(1500) + "zeppelin ends it. ** `\n\n> "), SearchInput.Parse("zeppelin").Terms);

        Assert.EndsWith("ends it.", parts[^1].Text);
    }

    [Fact]
    public void ACombiningMarkPastTheFirstStepStillHasTheTextSearchedAsWritten()
    {
        var body = Filler(3 * SnippetBuilder.FirstStep) + "Le de\u0301veloppement durable" + Filler(500);

        var parts = SnippetBuilder.Build(Text(body), SearchInput.Parse("developpement").Terms);

        Assert.Equal("de\u0301veloppement", Assert.Single(parts, p => p.IsMatch).Text);
    }

    [Fact]
    public void ACombiningMarkJustAfterTheFirstMatchLeavesEveryMatchOfThePassageMarked()
    {
        var body = Filler(SnippetBuilder.FirstStep - 40) + "developpement, puis de\u0301veloppement encore" + Filler(500);

        var parts = SnippetBuilder.Build(Text(body), SearchInput.Parse("developpement").Terms);

        Assert.Equal(["developpement", "de\u0301veloppement"], parts.Where(p => p.IsMatch).Select(p => p.Text));
    }
}
