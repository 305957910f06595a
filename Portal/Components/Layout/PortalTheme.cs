using MudBlazor;

namespace Portal.Components.Layout;

public static class PortalTheme
{
    /// <summary>
    /// UN blue, with Noto fonts first so Chinese and Arabic use a face that has their glyphs. The dark palette keeps
    /// every text colour at WCAG AA (4.5:1) or better on its background and surface; buttons in the primary and
    /// status colours carry dark text, since the light shades that read well on a dark page are too pale under white.
    /// </summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0a5a9c",
            AppbarBackground = "#0a5a9c",
            AppbarText = "#ffffff",
            Secondary = "#4d6b7f",
            // MudBlazor's default red and green fail WCAG AA contrast (3.7:1 as text on white, 2.8:1 under white
            // text); these darker shades pass (axe on the /manage pages).
            Error = "#c62828",
            Success = "#2e7d32",
            // MudBlazor's info blue (#0c80df as outlined-alert text, 4.1:1 on white) fails AA as well.
            Info = "#0b6bbf",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8cc4f5",
            PrimaryContrastText = "#0b1a2a",
            Secondary = "#a9c1d1",
            SecondaryContrastText = "#10161a",
            Tertiary = "#c5b3f0",
            TertiaryContrastText = "#160b2a",
            Info = "#7cc0f7",
            InfoContrastText = "#071a2a",
            Success = "#8fd493",
            SuccessContrastText = "#0a1f0b",
            Warning = "#ffc266",
            WarningContrastText = "#241400",
            Error = "#ff9b8f",
            ErrorContrastText = "#2a0500",
            Dark = "#3b4048",
            DarkContrastText = "#ffffff",
            Black = "#0d0f12",
            Background = "#121417",
            BackgroundGray = "#1a1d21",
            Surface = "#1c1f24",
            DrawerBackground = "#1c1f24",
            DrawerText = "#e8eaed",
            DrawerIcon = "#c4c7cc",
            AppbarBackground = "#0d3559",
            AppbarText = "#ffffff",
            TextPrimary = "#e8eaed",
            TextSecondary = "#b9bdc3",
            TextDisabled = "#8f949b",
            ActionDefault = "#c4c7cc",
            ActionDisabled = "#7d828a",
            ActionDisabledBackground = "#2c3036",
            LinesDefault = "#454a52",
            LinesInputs = "#8f949b",
            TableLines = "#3a3f46",
            TableStriped = "#1f2328",
            TableHover = "#262a30",
            Divider = "#3a3f46",
            DividerLight = "#2c3036",
            Skeleton = "#2c3036",
            GrayDefault = "#9aa0a6",
            GrayLight = "#3a3f46",
            GrayLighter = "#2c3036",
            GrayDark = "#c4c7cc",
            GrayDarker = "#e8eaed",
            OverlayDark = "rgba(0,0,0,0.6)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Roboto", "Noto Sans", "Noto Sans CJK SC", "Noto Sans Arabic", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };

    /// <summary>
    /// The portal's own colours beyond MudBlazor's palette (app.css uses them as <c>var(--portal-…)</c>): the UN
    /// header's rules, muted text, search highlights, code, links, message boxes. Written beside the palette by
    /// <see cref="ThemeStyles"/>, so one switch changes both.
    /// </summary>
    public static IReadOnlyList<(string Name, string Light, string Dark)> PortalColors { get; } =
    [
        ("rule", "#222222", "#c8ccd2"),
        ("border", "#bbbbbb", "#5f646b"),
        ("border-light", "#dddddd", "#3a3f46"),
        ("text-muted", "#555555", "#b9bdc3"),
        ("link", "LinkText", "#8cc4f5"),
        ("link-visited", "VisitedText", "#c9a8f0"),
        ("accent", "#0a5a9c", "#8cc4f5"),
        ("current", "#eef4fa", "#1e3247"),
        ("highlight", "#fff3b0", "#5e4e00"),
        ("highlight-text", "#000000", "#ffffff"),
        ("code-background", "#f3f4f6", "#262a30"),
        ("button", "#1f4e8c", "#8cc4f5"),
        ("button-text", "#ffffff", "#0b1a2a"),
        ("input-border", "#767676", "#8f949b"),
        ("error-text", "#b00020", "#ff9b8f"),
        ("error-background", "#fdecea", "#3b1714"),
        ("error-box-text", "#611a15", "#ffd9d4"),
        ("info-background", "#e8f4fd", "#10283d"),
        ("info-box-text", "#0d3c61", "#cfe6fb"),
        ("success-text", "#1b5e20", "#8fd493"),
        ("warning-text", "#7a4600", "#ffc266"),
        ("chip-missing", "#5c5c5c", "#b9bdc3"),
        ("chip-missing-border", "#8a8a8a", "#8f949b"),
        ("inserted-background", "#e6ffec", "#12361c"),
        ("inserted-text", "#05400f", "#c6f6cf"),
        ("deleted-background", "#ffebe9", "#3d1416"),
        ("deleted-text", "#67060c", "#ffd2d0"),
        ("error-ui-background", "#ffffee", "#3a3620"),
        // The keyboard focus ring, at 3:1 or more against the page (WCAG 1.4.11) and, in the app bar, against the bar.
        ("focus", "#b35c00", "#f5a623"),
        ("focus-app-bar", "#f5a623", "#f5a623"),
    ];
}
