using MudBlazor;

namespace Portal.Components.Layout;

public static class PortalTheme
{
    /// <summary>UN blue, with Noto fonts first so Chinese and Arabic use a face that has their glyphs.</summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0a5a9c",
            AppbarBackground = "#0a5a9c",
            Secondary = "#4d6b7f",
            // MudBlazor's default red and green fail WCAG AA contrast (3.7:1 as text on white, 2.8:1 under white
            // text); these darker shades pass (axe on the /manage pages).
            Error = "#c62828",
            Success = "#2e7d32",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Roboto", "Noto Sans", "Noto Sans CJK SC", "Noto Sans Arabic", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
