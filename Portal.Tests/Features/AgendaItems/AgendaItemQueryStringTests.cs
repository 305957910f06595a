using Portal.Data.Entities;
using Portal.Features.AgendaItems;
using Portal.Infrastructure;

namespace Portal.Tests.Features.AgendaItems;

public class AgendaItemQueryStringTests
{
    [Fact]
    public void DefaultsProduceNoQueryString()
    {
        Assert.Equal("/x", AgendaItemQueryString.Url("/x", AgendaItemQueryString.Parse(null, null, null, null, null, 25, null, new QueryInput())));
    }

    [Fact]
    public void EveryChoiceRoundTripsThroughTheUrl()
    {
        var filter = new AgendaItemFilter(DocumentKind.NoteVerbale, "ar", DocumentSort.Symbol, true, 3, 25);

        var query = AgendaItemQueryString.Format(filter);
        var parts = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var parsed = AgendaItemQueryString.Parse(parts["kind"], parts["lang"], parts["sort"], parts["dir"], parts["page"], 25, null, new QueryInput());

        Assert.Equal("kind=noteverbale&lang=ar&sort=symbol&dir=desc&page=3", query);
        Assert.Equal(filter, parsed);
    }

    [Theory]
    [InlineData("bogus", "xx", "drop table", "sideways", "-4", "b2")]
    [InlineData("7", "zz", "3", "1", "0", "(")]
    public void GarbageFallsBackToDefaultsAndIsReported(string kind, string language, string sort, string direction, string page, string subItem)
    {
        var input = new QueryInput();
        var filter = AgendaItemQueryString.Parse(kind, language, sort, direction, page, 25, subItem, input);

        Assert.Equal(new AgendaItemFilter(PageSize: 25), filter);
        Assert.Equal(["sort", "dir", "kind", "lang", "page", "sub"], input.Problems.Select(p => p.Name));
    }

    [Fact]
    public void EmptyValuesAreTheDefaultsAndNoProblem()
    {
        var input = new QueryInput();

        Assert.Equal(new AgendaItemFilter(PageSize: 25), AgendaItemQueryString.Parse("", "", "", "", "", 25, "", input));
        Assert.False(input.HasProblems);
    }

    [Fact]
    public void ChineseAliasIsAcceptedAsLanguage()
    {
        Assert.Equal("zh", AgendaItemQueryString.Parse(null, "ch", null, null, null, 25, null, new QueryInput()).Language);
    }
}
