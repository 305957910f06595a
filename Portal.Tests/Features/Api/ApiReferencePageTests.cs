using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Api;

/// <summary>
/// The browsable API reference (Scalar over the OpenAPI document) in Chromium, under the portal's own
/// Content-Security-Policy: it lists every operation of the document, and every request it makes stays on the
/// portal (its script is served from the package, not a CDN; the test browser has no network besides the portal).
/// </summary>
public class ApiReferencePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ThePageListsEveryEndpointAndLoadsNothingFromElsewhere()
    {
        var page = await browser.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        var refused = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Enqueue(message.Text);
            }
        };
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        using var openApi = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var summaries = openApi.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value.GetProperty("summary").GetString()!).Distinct().ToList();
        Assert.True(summaries.Count >= 7, string.Join(", ", summaries));

        await page.GotoAsync("/api/reference/");

        await Assertions.Expect(page).ToHaveTitleAsync("UN Documents Portal API reference");
        foreach (var summary in summaries)
        {
            // Each operation is listed by its summary (Scalar's sidebar and the operation's own heading).
            await Assertions.Expect(page.GetByText(summary, new() { Exact = true }).First).ToBeAttachedAsync(new() { Timeout = 60_000 });
        }
        var origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority);
        var elsewhere = requests.Where(u => !u.StartsWith(origin, StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(elsewhere.Count == 0, "requests outside the portal:\n" + string.Join("\n", elsewhere));
        Assert.Contains(requests, u => u.EndsWith("/api/reference/scalar.js", StringComparison.Ordinal));
        Assert.True(refused.IsEmpty, "the CSP refused:\n" + string.Join("\n", refused));
    }
}
