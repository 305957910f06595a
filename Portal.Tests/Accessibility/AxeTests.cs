using System.Text.Json;
using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Accessibility;

/// <summary>
/// axe-core (WCAG 2.0–2.2, levels A and AA) in real Chromium on every kind of page, once the page is
/// interactive: no serious or critical violation may remain.
/// </summary>
public class AxeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    [Theory]
    [MemberData(nameof(AccessibilityPages.All), MemberType = typeof(AccessibilityPages))]
    [MemberData(nameof(AccessibilityPages.SignedOutAccountPages), MemberType = typeof(AccessibilityPages))]
    [MemberData(nameof(AccessibilityPages.InArabic), MemberType = typeof(AccessibilityPages))]
    [MemberData(nameof(AccessibilityPages.Notices), MemberType = typeof(AccessibilityPages))]
    public async Task PageHasNoSeriousOrCriticalAxeViolation(string path)
    {
        var page = await browser.NewPageAsync(bypassCsp: true);
        await page.GotoAsync(path);
        await AssertNoSeriousViolationAsync(page, path);
    }

    [Theory]
    [MemberData(nameof(AccessibilityPages.InDarkTheme), MemberType = typeof(AccessibilityPages))]
    public async Task PageInTheDarkThemeHasNoSeriousOrCriticalAxeViolation(string path)
    {
        var page = await browser.NewPageAsync(bypassCsp: true, colorScheme: ColorScheme.Dark);
        await page.GotoAsync(path);
        await AssertDarkThemeAsync(page);
        await AssertNoSeriousViolationAsync(page, path + " (dark theme)");
    }

    /// <summary>
    /// The API reference (Scalar's page over our OpenAPI document) in Scalar's light and dark modes, which follow the
    /// system preference: our CSS and configuration must leave no serious or critical violation in it.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheApiReferenceHasNoSeriousOrCriticalAxeViolation(bool dark)
    {
        var page = await browser.NewPageAsync(bypassCsp: true, colorScheme: dark ? ColorScheme.Dark : ColorScheme.Light);
        page.SetDefaultTimeout(90_000);
        var response = await page.GotoAsync("/api/reference/");
        Assert.Equal(200, response!.Status);
        // Every tag is expanded: the reference is drawn once the last operation's summary is on the page.
        await page.GetByText("The newest bulk dump: every public document").First.WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("mode => document.body.classList.contains(mode)", dark ? "dark-mode" : "light-mode"),
            $"Scalar is not in its {(dark ? "dark" : "light")} mode");
        await AssertNoSeriousViolationInAsync(page, "/api/reference/" + (dark ? " (dark mode)" : ""));
    }

    /// <summary>
    /// A link in a not-found page's warning is told apart from the text around it (WCAG 1.4.1). axe leaves its
    /// link-in-text-block check "incomplete" there (it cannot settle the alert's colours), so this asks for a pass.
    /// </summary>
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/A/75/9999")]
    public async Task LinksInANotFoundWarningStandOutFromItsText(string path)
    {
        var page = await browser.NewPageAsync(bypassCsp: true);
        await page.GotoAsync(path);
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.AddScriptTagAsync(new() { Path = NodeTools.AxeScript });

        var results = await page.EvaluateAsync<string[]>(
            """
            async () => {
                const result = await axe.run('.not-found .mud-alert', { runOnly: { type: 'rule', values: ['link-in-text-block'] } });
                return [...result.violations, ...result.incomplete].flatMap(r => r.nodes.map(n => r.id + ': ' + n.target.join(' ')))
                    .concat(result.passes.length === 0 ? ['no link was checked'] : []);
            }
            """);

        Assert.True(results.Length == 0, $"{path}: {string.Join(" | ", results)}");
    }

    /// <summary>Fails unless the page is painted in the dark palette, so a dark run cannot pass on a light page.</summary>
    internal static async Task AssertDarkThemeAsync(IPage page) =>
        Assert.Equal("rgb(18, 20, 23)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));

    /// <summary>Runs axe-core on the page once it is interactive; fails listing each serious or critical violation.</summary>
    internal static async Task AssertNoSeriousViolationAsync(IPage page, string path)
    {
        await BrowserFixture.WaitForInteractiveAsync(page);
        await AssertNoSeriousViolationInAsync(page, path);
    }

    /// <summary>Runs axe-core on the page as it is now; fails listing each serious or critical violation.</summary>
    private static async Task AssertNoSeriousViolationInAsync(IPage page, string path)
    {
        await page.AddScriptTagAsync(new() { Path = NodeTools.AxeScript });

        var json = await page.EvaluateAsync<string>(
            """
            async tags => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
                return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary.replace(/\s+/g, ' ')) })));
            }
            """, Tags);
        var violations = JsonSerializer.Deserialize<Violation[]>(json, JsonSerializerOptions.Web)!;

        Assert.True(violations.Length == 0, $"{path}:\n" + string.Join("\n", violations.Select(v => $"{v.Impact} {v.Id} ({v.Nodes.Length}): {string.Join(" | ", v.Nodes.Take(5))}")));
    }

    private sealed record Violation(string Id, string Impact, string[] Nodes);
}
