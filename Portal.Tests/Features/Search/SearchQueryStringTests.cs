using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Features.Search;

namespace Portal.Tests.Features.Search;

public sealed class SearchQueryStringTests
{
    [Fact]
    public void EveryFilterTheUrlWritesIsReadBackFromItsQueryString()
    {
        var filter = new SearchFilter("landmines \"mine action\"", new SessionKey(Organ.GeneralAssembly, 75), new AgendaItemKey(Organ.GeneralAssembly, 75, 132),
            Organ.GeneralAssembly, DocumentKind.Letter, "Armenia", "zh", new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31), Distribution.General, 2);

        var url = SearchQueryString.Url(filter);

        Assert.Equal(filter, SearchQueryString.Parse(url[url.IndexOf('?')..]));
        Assert.Equal(filter, SearchQueryString.Parse(url[(url.IndexOf('?') + 1)..]));
    }

    [Fact]
    public void MalformedValuesAreLeftOutRatherThanFailing()
    {
        var filter = SearchQueryString.Parse("q=refugees&session=nowhere&item=ga-75&lang=xx&from=2021-13-01&kind=poem&page=-3&page2=9");

        Assert.Equal(new SearchFilter("refugees"), filter);
    }
}
