using Portal.Domain;
using Portal.Localization;

namespace Portal.Components.Shared;

/// <summary>
/// Counts with their noun in the form the interface language needs for that number, after the CLDR
/// plural rules of the six languages: English and Spanish one/other, French one for 0 and 1, Russian
/// one/few/many (1, 2–4, 5–20 and so on), Chinese a single form, Arabic zero/one/two/few/many/other.
/// Each counted noun has one resource key per category: <c>Documents.one</c>, <c>Documents.few</c>, …
/// </summary>
public static class Plurals
{
    public static readonly string[] Categories = ["zero", "one", "two", "few", "many", "other"];

    public static string Count(string noun, int count) =>
        InterfaceText.Format($"{noun}.{Category(InterfaceLanguage.Current, count)}", count.ToString("N0", InterfaceLanguage.FormattingCulture(InterfaceLanguage.Current)));

    public static string Documents(int count) => Count("Documents", count);

    public static string Category(UnLanguage language, int count)
    {
        var n = Math.Abs(count);
        return language.Code switch
        {
            "zh" => "other",
            "fr" => n is 0 or 1 ? "one" : n % 1_000_000 == 0 ? "many" : "other",
            "es" => n == 1 ? "one" : n != 0 && n % 1_000_000 == 0 ? "many" : "other",
            "ru" => (n % 10, n % 100) switch
            {
                (1, not 11) => "one",
                ( >= 2 and <= 4, not (>= 12 and <= 14)) => "few",
                _ => "many",
            },
            "ar" => (n, n % 100) switch
            {
                (0, _) => "zero",
                (1, _) => "one",
                (2, _) => "two",
                (_, >= 3 and <= 10) => "few",
                (_, >= 11 and <= 99) => "many",
                _ => "other",
            },
            _ => n == 1 ? "one" : "other",
        };
    }
}
