namespace Portal.Domain;

/// <summary>One of the six official UN languages.</summary>
public sealed record UnLanguage(string Code, string EnglishName, string NativeName, bool IsRightToLeft)
{
    public static readonly UnLanguage Arabic = new("ar", "Arabic", "العربية", true);
    public static readonly UnLanguage Chinese = new("zh", "Chinese", "中文", false);
    public static readonly UnLanguage English = new("en", "English", "English", false);
    public static readonly UnLanguage French = new("fr", "French", "Français", false);
    public static readonly UnLanguage Russian = new("ru", "Russian", "Русский", false);
    public static readonly UnLanguage Spanish = new("es", "Spanish", "Español", false);

    /// <summary>In the UN's customary order (alphabetical by English name).</summary>
    public static IReadOnlyList<UnLanguage> All { get; } = [Arabic, Chinese, English, French, Russian, Spanish];

    public string Direction => IsRightToLeft ? "rtl" : "ltr";

    /// <summary>
    /// Accepts the current ISO codes in any case, and <c>ch</c>, the older code for Chinese that
    /// undocs.org links still use.
    /// </summary>
    public static bool TryParse(string? code, out UnLanguage language)
    {
        language = English;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }
        var normalized = code.Trim().ToLowerInvariant();
        if (normalized == "ch")
        {
            normalized = "zh";
        }
        var match = All.FirstOrDefault(l => l.Code == normalized);
        if (match is null)
        {
            return false;
        }
        language = match;
        return true;
    }

    public static UnLanguage FromCode(string code) =>
        TryParse(code, out var language) ? language : throw new ArgumentException($"'{code}' is not a UN language code.", nameof(code));

    /// <summary>Sort key in the UN order, unknown codes last.</summary>
    public static int OrderOf(string code)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Code == code)
            {
                return i;
            }
        }
        return All.Count;
    }
}
