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
/// Every page's head holds both, so each one's markup is generated once per theme, by a MudThemeProvider
/// (<see cref="Generator"/>), and kept: the theme is fixed at start-up (<see cref="PortalTheme.Theme"/>). Later pages
/// write the kept markup and create no MudThemeProvider, whose constructor alone builds and parses a default theme.
/// Per page, that generator and those constructors took ~5 % of the CPU and half of what the trivial page allocated.
/// </para>
/// </summary>
public sealed class ThemeStyles : ComponentBase
{
    private const string DarkSystemMedia = "(prefers-color-scheme: dark)";

    private static readonly ConcurrentDictionary<(MudTheme Theme, bool Dark, bool DefaultScrollbar), string> Markup = new();

    [Parameter, EditorRequired] public MudTheme Theme { get; set; } = null!;

    /// <summary>Writes the dark palette (where it applies) rather than the light one (on the root). Defaults to <c>false</c>.</summary>
    [Parameter] public bool Dark { get; set; }

    /// <summary>Leaves the browser's own scrollbar rather than MudBlazor's thin one (<see cref="MudThemeProvider.DefaultScrollbar"/>).</summary>
    [Parameter] public bool DefaultScrollbar { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Markup.TryGetValue((Theme, Dark, DefaultScrollbar), out var markup))
        {
            builder.AddMarkupContent(0, markup);
            return;
        }
        builder.OpenComponent<Generator>(1);
        builder.AddComponentParameter(2, nameof(Generator.Theme), Theme);
        builder.AddComponentParameter(3, nameof(Generator.IsDarkMode), Dark);
        builder.AddComponentParameter(4, nameof(Generator.Dark), Dark);
        builder.AddComponentParameter(5, nameof(Generator.DefaultScrollbar), DefaultScrollbar);
        builder.AddComponentParameter(6, nameof(Generator.ObserveSystemDarkModeChange), false);
        builder.CloseComponent();
    }

    /// <summary>Writes one palette's markup and keeps it for <see cref="ThemeStyles"/>.</summary>
    private sealed class Generator : MudThemeProvider
    {
        /// <summary>The same as <see cref="MudThemeProvider.IsDarkMode"/>, which MudBlazor's analyzer lets only MudBlazor read.</summary>
        [Parameter] public bool Dark { get; set; }

        /// <summary>
        /// MudThemeProvider's markup less its rule for chart series (the portal draws no MudChart): the thin scrollbar
        /// unless <see cref="MudThemeProvider.DefaultScrollbar"/>, then the light palette on the root; or the dark
        /// palette where it applies.
        /// </summary>
        protected override void BuildRenderTree(RenderTreeBuilder builder) =>
            builder.AddMarkupContent(0, Markup.GetOrAdd((GetTheme(), Dark, DefaultScrollbar), _ => Dark
                ? Style($":root[{ColorTheme.Attribute}={ColorTheme.Dark}]", media: null)
                    + Style($":root:not([{ColorTheme.Attribute}={ColorTheme.Light}])", DarkSystemMedia)
                : (DefaultScrollbar ? "" : BuildMudBlazorScrollbar()) + BuildTheme()));

        private string Style(string selector, string? media)
        {
            var css = new StringBuilder();
            css.Append(media is null ? "<style>" : $"<style media=\"{media}\">").Append(selector).AppendLine("{");
            GenerateTheme(css);
            css.AppendLine("}</style>");
            return css.ToString();
        }

        protected override void GenerateTheme(StringBuilder themeStringBuilder)
        {
            base.GenerateTheme(themeStringBuilder);
            // Form controls, scrollbars and the page's canvas follow the palette too.
            themeStringBuilder.AppendLine(Dark ? "color-scheme: dark;" : "color-scheme: light;");
            foreach (var (name, light, dark) in PortalTheme.PortalColors)
            {
                themeStringBuilder.Append("--portal-").Append(name).Append(": ").Append(Dark ? dark : light).AppendLine(";");
            }
        }

        /// <summary>
        /// Nothing to release. MudThemeProvider's disposal stops its script's watch of the system's dark mode, which
        /// these styles never start (they are rendered once, in the static head); made without a circuit, that call
        /// failed with an exception, caught inside MudBlazor.
        /// </summary>
        protected override ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
    }
}
