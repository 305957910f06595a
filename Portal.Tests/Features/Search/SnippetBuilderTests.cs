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
}

