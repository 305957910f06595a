using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Editing;
using Portal.Tests.Support;

namespace Portal.Tests.Features.AgendaItems;

/// <summary>The pages a visitor sees of a sub-item: the document's header and breadcrumb, and the item's page filtered to it.</summary>
public sealed class AgendaSubItemPageTests(AgendaSubItemPageTests.App app) : IClassFixture<AgendaSubItemPageTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task PublishAsync(string symbol, string items) =>
        AgendaSubItemTests.PublishAsync(app.Services.GetRequiredService<DocumentEditor>(), symbol, items);

    [Fact]
    public async Task TheHeaderSaysItemAndSubItemAndTheItemsPageFiltersToIt()
    {
        await PublishAsync("A/75/9701", "GA/75/72 (a)");
        await PublishAsync("A/75/9702", "GA/75/72 (b)");
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };

        var document = await visitor.GetStringAsync("/A/75/9701", Cancel);
        Assert.Contains("Agenda item 72 (a)", document);
        Assert.Contains("<a href=\"/sessions/ga/75/items/72?sub=a\"><span class=\"item-number\">72 (a)</span>", document);
        Assert.Contains("Item 72 (a)", document);

        var filtered = await visitor.GetStringAsync("/sessions/ga/75/items/72?sub=a", Cancel);
        Assert.Contains("A/75/9701", filtered);
        Assert.DoesNotContain("A/75/9702", filtered);
        Assert.Contains("agenda item 72 (a)", filtered);
        Assert.Contains("href=\"/sessions/ga/75/items/72?sub=b\"", filtered);

        var whole = await visitor.GetStringAsync("/sessions/ga/75/items/72", Cancel);
        Assert.Contains("A/75/9701", whole);
        Assert.Contains("A/75/9702", whole);
        // What is not a sub-item letter at all is a 400 that says so, over the whole item.
        using var malformed = await visitor.GetAsync("/sessions/ga/75/items/72?sub=%3Cx%3E", Cancel);
        var html = System.Net.WebUtility.HtmlDecode(await malformed.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("is not a sub-item letter such as a or (b).", html);
        Assert.Contains("A/75/9702", html);
    }
}
