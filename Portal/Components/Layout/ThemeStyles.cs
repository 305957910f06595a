using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Portal.Components.Layout;

/// <summary>
/// MudBlazor's theme variables for the light and the dark palette at once, so the browser picks before its first
/// paint, static pages included: light on <c>:root</c>; dark on <c>:root[data-theme=dark]</c> (the visitor chose it,
/// <see cref="ColorTheme"/>) and, in a <c>&lt;style media="(prefers-color-scheme: dark)"&gt;</c>, on a page whose
/// visitor has not chosen light. MudThemeProvider writes one palette for one mode, decided on the server, which
/// cannot know the system's preference before the page is painted.
/// <para>
/// Every page's head holds both, so each palette's variables are generated once per theme and kept: the theme is
/// fixed at start-up (<see cref="PortalTheme.Theme"/>), and generating them took ~5 % of the CPU a page costs.
/// </para>
/// </summary>
public sealed class ThemeStyles : MudThemeProvider
{
    private const string DarkSystemMedia = "(prefers-color-scheme: dark)";

    private static readonly ConcurrentDictionary<(MudTheme Theme, bool Dark), string> Generated = new();

    /// <summary>Writes the dark palette (where it applies) rather than the light one (on the root). Defaults to <c>false</c>.</summary>
    [Parameter] public bool Dark { get; set; }

    public override Task SetParametersAsync(ParameterView parameters)
    {
        var values = parameters.ToDictionary().ToDictionary(p => p.Key, p => p.Value);
        values[nameof(IsDarkMode)] = values.TryGetValue(nameof(Dark), out var dark) && dark is true;
        return base.SetParametersAsync(ParameterView.FromDictionary(values));
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!Dark)
        {
            base.BuildRenderTree(builder);
            return;
        }
        builder.AddMarkupContent(0, Style($":root[{ColorTheme.Attribute}={ColorTheme.Dark}]", media: null));
        builder.AddMarkupContent(1, Style($":root:not([{ColorTheme.Attribute}={ColorTheme.Light}])", DarkSystemMedia));
    }

    private string Style(string selector, string? media)
    {
        var css = new StringBuilder();
        css.Append(media is null ? "<style>" : $"<style media=\"{media}\">").Append(selector).AppendLine("{");
        GenerateTheme(css);
        css.AppendLine("}</style>");
        return css.ToString();
    }

    protected override void GenerateTheme(StringBuilder themeStringBuilder) =>
        themeStringBuilder.Append(Generated.GetOrAdd((GetTheme(), Dark), _ =>
        {
            var css = new StringBuilder();
            base.GenerateTheme(css);
            // Form controls, scrollbars and the page's canvas follow the palette too.
            css.AppendLine(Dark ? "color-scheme: dark;" : "color-scheme: light;");
            foreach (var (name, light, dark) in PortalTheme.PortalColors)
            {
                css.Append("--portal-").Append(name).Append(": ").Append(Dark ? dark : light).AppendLine(";");
            }
            return css.ToString();
        }));

    /// <summary>
    /// Nothing to release. MudThemeProvider's disposal stops its script's watch of the system's dark mode, which these
    /// styles never start (they are rendered once, in the static head); made without a circuit, that call failed with
    /// an exception, caught inside MudBlazor, twice for every page served.
    /// </summary>
    protected override ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
}
