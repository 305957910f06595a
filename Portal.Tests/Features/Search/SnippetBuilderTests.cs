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
}
