using System.Globalization;
using System.Resources;

namespace Portal.Localization;

/// <summary>
/// The portal's own words (app bar, menus, headings, table headers, facets, messages) in the six UN
/// languages: <c>InterfaceText.resx</c> is English, <c>InterfaceText.{ar,zh,fr,ru,es}.resx</c> the
/// others. Components read them through <c>IStringLocalizer&lt;InterfaceText&gt;</c>; labels built
/// outside components (session names, counts) through <see cref="Get"/> and <see cref="Format"/>. A key
/// missing from any of the six files fails InterfaceTextTests.
/// </summary>
public sealed class InterfaceText
{
    private static readonly ResourceManager Resources = new(typeof(InterfaceText));

    /// <summary>The text for <paramref name="key"/> in the current interface language.</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>The text for <paramref name="key"/> with its placeholders filled, numbers written the current culture's way.</summary>
    public static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
