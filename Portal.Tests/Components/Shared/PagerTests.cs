using Bunit;
using Portal.Components.Shared;
using Portal.Tests.Support;

namespace Portal.Tests.Components.Shared;

public class PagerTests : MudTestContext
{
    private IRenderedComponent<Pager> RenderPager(int page, int pageCount) =>
        Render<Pager>(p => p
            .Add(x => x.Page, page)
            .Add(x => x.PageCount, pageCount)
            .Add(x => x.UrlFor, n => $"/list?page={n}"));

    [Fact]
    public void ASinglePageHasNoPager() => Assert.Empty(RenderPager(1, 1).Markup.Trim());

    [Fact]
    public void AMiddlePageLinksToItsNeighbours()
    {
        var pager = RenderPager(2, 3);

        Assert.Equal("/list?page=1", pager.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("/list?page=3", pager.Find("a[rel=next]").GetAttribute("href"));
        Assert.Contains("Page 2 of 3", pager.Find("nav[aria-label=Pages]").TextContent);
    }

    [Fact]
    public void TheFirstAndLastPagesHaveNoDeadLinks()
    {
        Assert.Empty(RenderPager(1, 3).FindAll("a[rel=prev]"));
        Assert.Empty(RenderPager(3, 3).FindAll("a[rel=next]"));
        Assert.Single(RenderPager(3, 3).FindAll("[aria-disabled=true]"));
    }
}
