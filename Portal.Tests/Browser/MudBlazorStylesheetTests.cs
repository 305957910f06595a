using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>
/// The pages link wwwroot/mudblazor.trimmed.css, not MudBlazor's 627 KB stylesheet (issue #12, Lighthouse
/// mobile): scripts/trim-mudblazor-css.py drops the rules of components the portal never renders. These tests
/// go red when the trimmed file falls behind the MudBlazor package, or when a page shows a MudBlazor class
/// whose rules the trimming dropped (a component newly used, a state such as an open select or drawer).
/// </summary>
public partial class MudBlazorStylesheetTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string FullStylesheet = "_content/MudBlazor/MudBlazor.min.css";

    [GeneratedRegex(@"\.((?:\\.|[\w-])+)")]
    private static partial Regex ClassSelector();

    [GeneratedRegex(@"([^{}]+)\{[^{}]*\}")]
    private static partial Regex StyleRule();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^/\* MudBlazor (\S+) MudBlazor\.min\.css \(sha256 ([0-9a-f]{64})\)")]
    private static partial Regex Header();

    private async Task<string> GetAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };
        return await client.GetStringAsync(path, TestContext.Current.CancellationToken);
    }

    private async Task<byte[]> GetBytesAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };
        return await client.GetByteArrayAsync(path, TestContext.Current.CancellationToken);
    }

    /// <summary>The selectors of every style rule, @media rules' included (the trimming keeps selectors verbatim).</summary>
    private static IEnumerable<string> SelectorsOf(string css) =>
        StyleRule().Matches(Comment().Replace(css, "")).SelectMany(m => SplitSelectorList(m.Groups[1].Value)).Select(s => s.Trim().Trim('\uFEFF').Trim());

    private static IEnumerable<string> SplitSelectorList(string list)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            depth += list[i] switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (list[i] == ',' && depth == 0)
            {
                yield return list[start..i];
                start = i + 1;
            }
        }
        yield return list[start..];
    }

    private static string[] ClassesOf(string selector) =>
        ClassSelector().Matches(selector).Select(m => m.Groups[1].Value.Replace("\\", "")).ToArray();

    [Fact]
    public async Task TheTrimmedStylesheetWasMadeFromTheMudBlazorPackageThePortalReferences()
    {
        var full = await GetBytesAsync(FullStylesheet);
        var header = Header().Match(await GetAsync("mudblazor.trimmed.css"));

        Assert.True(header.Success, "mudblazor.trimmed.css starts with the header scripts/trim-mudblazor-css.py writes");
        var referenced = typeof(MudBlazor.MudButton).Assembly.GetName().Version!;
        Assert.Equal($"{referenced.Major}.{referenced.Minor}.{referenced.Build}", header.Groups[1].Value);
        Assert.True(Convert.ToHexStringLower(SHA256.HashData(full)) == header.Groups[2].Value,
            "MudBlazor.min.css changed since mudblazor.trimmed.css was made: run python3 scripts/trim-mudblazor-css.py");
    }

    [Fact]
    public async Task EveryMudBlazorClassAPageShowsKeepsItsRules()
    {
        var full = SelectorsOf(await GetAsync(FullStylesheet)).ToList();
        var trimmed = SelectorsOf(await GetAsync("mudblazor.trimmed.css")).ToHashSet();
        var shown = new HashSet<string>();

        async Task CollectAsync(IPage page) =>
            shown.UnionWith(await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[class]')].flatMap(e => [...e.classList])"));

        foreach (var (width, mobile) in new[] { (390, true), (1280, false) })
        {
            var context = await browser.Browser.NewContextAsync(new()
            {
                BaseURL = browser.BaseAddress.ToString(),
                ViewportSize = new() { Width = width, Height = 900 },
                IsMobile = mobile,
                HasTouch = mobile,
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            foreach (var path in new[] { "/", "/sessions", "/sessions/ga/75", "/sessions/ga/74/items/98?kind=letter", "/A/75/778", "/zh/A/75/778", "/search?q=Demoland", "/search?q=nothing-matches-this", "/A/99/999", "/sessions/ga/1" })
            {
                await page.GotoAsync(path);
                await BrowserFixture.WaitForInteractiveAsync(page);
                await CollectAsync(page);
            }

            // States that only interaction shows: the menu opened on a phone, a select's list open, the filters.
            await page.GotoAsync("/sessions/ga/74/items/98");
            await BrowserFixture.WaitForInteractiveAsync(page);
            var menu = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
            await menu.ClickAsync();
            await CollectAsync(page);
            await menu.ClickAsync(); // on a phone the open menu covers the page
            await CollectAsync(page);
            await page.Locator(".download-all .mud-select").First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync();
            await CollectAsync(page);
            await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
            await CollectAsync(page);
            if (mobile)
            {
                await page.GotoAsync("/search?q=Demoland");
                await BrowserFixture.WaitForInteractiveAsync(page);
                await page.GetByRole(AriaRole.Button, new() { Name = "Filters" }).ClickAsync();
                await CollectAsync(page);
            }
            await context.CloseAsync();
        }

        Assert.Contains("mud-popover-open", shown); // the collection saw the open list
        // A selector can apply to these pages when every class it names is shown on one of them.
        var dropped = full.Where(s => ClassesOf(s) is { Length: > 0 } classes && classes.All(shown.Contains) && !trimmed.Contains(s))
            .Distinct().Order().ToList();
        Assert.True(dropped.Count == 0,
            $"rules for classes the pages show were dropped by scripts/trim-mudblazor-css.py: {string.Join(" ", dropped)}");
    }
}
