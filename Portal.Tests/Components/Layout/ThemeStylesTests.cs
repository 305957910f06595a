using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Services;
using Portal.Components.Layout;

namespace Portal.Tests.Components.Layout;

/// <summary>
/// The theme's styles in every page's head, rendered as a page renders them (ASP.NET Core's static HTML renderer):
/// each palette where it belongs, the same markup from the kept copy on every later page (which creates no
/// MudThemeProvider), and no script called on the way out, since a static page has no circuit to call it on.
/// </summary>
public class ThemeStylesTests
{
    [Fact]
    public async Task BothPalettesAreWrittenAlikeOnEveryPageAndDisposingThemCallsNoScript()
    {
        var script = new ScriptCalls();
        var providersCreated = 0;
        await using var services = new ServiceCollection().AddLogging().AddMudServices().AddSingleton<IJSRuntime>(script)
            .AddTransient<ILogger<MudThemeProvider>>(_ =>
            {
                Interlocked.Increment(ref providersCreated);
                return NullLogger<MudThemeProvider>.Instance;
            })
            .BuildServiceProvider();
        // A theme of this test's own, so the markup kept for it is not one another test (or page) generated earlier.
        var theme = new MudTheme
        {
            PaletteLight = PortalTheme.Theme.PaletteLight,
            PaletteDark = PortalTheme.Theme.PaletteDark,
            Typography = PortalTheme.Theme.Typography,
            LayoutProperties = PortalTheme.Theme.LayoutProperties,
        };

        var first = await RenderAsync(services, theme);
        Assert.Equal(2, providersCreated);
        var second = await RenderAsync(services, theme);
        Assert.Equal(2, providersCreated);

        Assert.Equal(first, second);
        var (light, dark) = first;
        Assert.StartsWith("<style>", light.Trim());
        Assert.Contains(":root{", light);
        Assert.Contains("--mud-palette-primary: rgba(10,90,156,1);", light);
        Assert.Contains("color-scheme: light;", light);
        Assert.DoesNotContain("color-scheme: dark;", light);
        Assert.DoesNotContain("rgba(140,196,245,1)", light);
        Assert.Contains(":root[data-theme=dark]{", dark);
        Assert.Contains("<style media=\"(prefers-color-scheme: dark)\">:root:not([data-theme=light]){", dark);
        Assert.Equal(2, dark.Split("--mud-palette-primary: rgba(140,196,245,1);").Length - 1);
        Assert.Contains("color-scheme: dark;", dark);
        Assert.DoesNotContain("color-scheme: light;", dark);
        Assert.DoesNotContain("rgba(10,90,156,1)", dark);
        Assert.Empty(script.Identifiers);
    }

    /// <summary>The light and the dark styles as App.razor writes them, in a renderer disposed before this returns.</summary>
    private static async Task<(string Light, string Dark)> RenderAsync(IServiceProvider services, MudTheme theme)
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var light = await renderer.RenderComponentAsync<ThemeStyles>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ThemeStyles.Theme)] = theme,
            }));
            var dark = await renderer.RenderComponentAsync<ThemeStyles>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ThemeStyles.Theme)] = theme,
                [nameof(ThemeStyles.Dark)] = true,
                [nameof(ThemeStyles.DefaultScrollbar)] = true,
            }));
            return (light.ToHtmlString(), dark.ToHtmlString());
        });
    }

    /// <summary>Stands where a circuit's script runtime would be, and notes each function a component calls.</summary>
    private sealed class ScriptCalls : IJSRuntime
    {
        public List<string> Identifiers { get; } = [];

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            lock (Identifiers)
            {
                Identifiers.Add(identifier);
            }
            return ValueTask.FromResult(default(TValue)!);
        }
    }
}
