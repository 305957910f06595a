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
