using Portal.Data.Entities;
using Portal.Features.AgendaItems;

namespace Portal.Tests.Features.AgendaItems;

public class AgendaItemQueryStringTests
{
    [Fact]
    public void DefaultsProduceNoQueryString()
    {
        Assert.Equal("/x", AgendaItemQueryString.Url("/x", AgendaItemQueryString.Parse(null, null, null, null, null, 25)));
    }

    [Fact]
    public void EveryChoiceRoundTripsThroughTheUrl()
    {
        var filter = new AgendaItemFilter(DocumentKind.NoteVerbale, "ar", DocumentSort.Symbol, true, 3, 25);

        var query = AgendaItemQueryString.Format(filter);
        var parts = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var parsed = AgendaItemQueryString.Parse(parts["kind"], parts["lang"], parts["sort"], parts["dir"], int.Parse(parts["page"]), 25);

        Assert.Equal("kind=noteverbale&lang=ar&sort=symbol&dir=desc&page=3", query);
        Assert.Equal(filter, parsed);
    }

    [Theory]
    [InlineData("bogus", "xx", "drop table", "sideways", -4)]
    [InlineData("7", "", "3", "", 0)]
    public void GarbageFallsBackToDefaults(string kind, string language, string sort, string direction, int page)
    {
        var filter = AgendaItemQueryString.Parse(kind, language, sort, direction, page, 25);

        Assert.Equal(new AgendaItemFilter(PageSize: 25), filter);
    }

    [Fact]
    public void ChineseAliasIsAcceptedAsLanguage()
    {
        Assert.Equal("zh", AgendaItemQueryString.Parse(null, "ch", null, null, null, 25).Language);
    }
}
