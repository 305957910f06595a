using System.Globalization;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Documents;

/// <summary>
/// The words of a UN document's header as the UN prints them in each language version: one table per
/// language. Organ names, the session/year line and the agenda line are in the version's language
/// (the seed's Chinese text: "大会 安全理事会", "第七十五届会议 第七十六年", "议程项目 34、71、72 和 135").
/// The Distr./date/Original block follows UN practice: French and Spanish versions translate it
/// ("Distr. générale", "Original : anglais"); Arabic, Chinese and Russian versions print it in English
/// ("Distr.: General", "Chinese", "Original: English"), which <see cref="BlockLanguage"/> records.
/// </summary>
public sealed record HeaderText
{
    public required string Language { get; init; }

    public required string UnitedNations { get; init; }

    public required IReadOnlyDictionary<Organ, string> Organs { get; init; }

    /// <summary>The language the Distr./date/Original block is printed in.</summary>
    public required string BlockLanguage { get; init; }

    public required IReadOnlyDictionary<Distribution, string> Distributions { get; init; }

    /// <summary>A format string: "Original: {0}".</summary>
    public required string Original { get; init; }

    /// <summary>Language names as the block prints them ("Original: English", "Original : anglais").</summary>
    public required IReadOnlyDictionary<string, string> LanguageNames { get; init; }

    public required string NotStated { get; init; }

    public required string DateCulture { get; init; }

    public required string DatePattern { get; init; }

    /// <summary>Format strings: "Agenda item {0}", "Agenda items {0}".</summary>
    public required string AgendaItem { get; init; }

    public required string AgendaItems { get; init; }

    /// <summary>How numbers join: "34, 71, 72 and 135", "34、71、72 和 135".</summary>
    public required string ListSeparator { get; init; }

    public required string ListLast { get; init; }

    public required Func<int, string> GeneralAssemblySession { get; init; }

    /// <summary>The Security Council's year line, from the calendar year ("Seventy-sixth year" for 2021).</summary>
    public required Func<int, string> SecurityCouncilYear { get; init; }

    public required Func<int, string> EconomicAndSocialCouncilSession { get; init; }

    public UnLanguage LanguageInfo => UnLanguage.FromCode(Language);

    public UnLanguage BlockLanguageInfo => UnLanguage.FromCode(BlockLanguage);

    /// <summary>The version's own language line above "Original" ("Chinese", "Français"); none in English versions.</summary>
    public string? VersionLine { get; init; }

    public string OriginalLine(string? originalLanguage) =>
        string.Format(CultureInfo.InvariantCulture, Original,
            originalLanguage is not null && LanguageNames.TryGetValue(originalLanguage, out var name) ? name : NotStated);

    public string Date(DateOnly date) => date.ToString(DatePattern, CultureInfo.GetCultureInfo(DateCulture));

    public string SessionLine(Organ organ, int number) => organ switch
    {
        Organ.GeneralAssembly => GeneralAssemblySession(number),
        Organ.SecurityCouncil => SecurityCouncilYear(number - 1945),
        _ => EconomicAndSocialCouncilSession(number),
    };

    public string AgendaLine(IReadOnlyList<int> numbers)
    {
        var list = numbers.Count <= 1
            ? string.Concat(numbers)
            : string.Join(ListSeparator, numbers.Take(numbers.Count - 1)) + ListLast + numbers[^1];
        return string.Format(CultureInfo.InvariantCulture, numbers.Count == 1 ? AgendaItem : AgendaItems, list);
    }

    public static HeaderText For(string? language) =>
        language is not null && UnLanguage.TryParse(language, out var parsed) ? Tables[parsed.Code] : Tables[UnLanguage.English.Code];

    private static readonly IReadOnlyDictionary<string, string> EnglishLanguageNames = new Dictionary<string, string>
    {
        ["ar"] = "Arabic",
        ["zh"] = "Chinese",
        ["en"] = "English",
        ["fr"] = "French",
        ["ru"] = "Russian",
        ["es"] = "Spanish",
    };

    private static readonly IReadOnlyDictionary<Distribution, string> EnglishDistributions = new Dictionary<Distribution, string>
    {
        [Distribution.General] = "Distr.: General",
        [Distribution.Limited] = "Distr.: Limited",
        [Distribution.Restricted] = "Distr.: Restricted",
    };

    private static HeaderText EnglishBlock(string language) => new()
    {
        Language = language,
        UnitedNations = "United Nations",
        Organs = new Dictionary<Organ, string>
        {
            [Organ.GeneralAssembly] = "General Assembly",
            [Organ.SecurityCouncil] = "Security Council",
            [Organ.EconomicAndSocialCouncil] = "Economic and Social Council",
        },
        BlockLanguage = UnLanguage.English.Code,
        Distributions = EnglishDistributions,
        Original = "Original: {0}",
        LanguageNames = EnglishLanguageNames,
        NotStated = "not stated",
        DateCulture = "en-GB",
        DatePattern = "d MMMM yyyy",
        AgendaItem = "Agenda item {0}",
        AgendaItems = "Agenda items {0}",
        ListSeparator = ", ",
        ListLast = " and ",
        GeneralAssemblySession = n => $"{SessionNames.OrdinalWords(n)} session",
        SecurityCouncilYear = n => $"{SessionNames.OrdinalWords(n)} year",
        EconomicAndSocialCouncilSession = year => $"{year} session",
    };

    private static readonly IReadOnlyDictionary<string, HeaderText> Tables = new Dictionary<string, HeaderText>
    {
        [UnLanguage.English.Code] = EnglishBlock(UnLanguage.English.Code),
        ["zh"] = EnglishBlock("zh") with
        {
            VersionLine = "Chinese",
            UnitedNations = "联合国",
            Organs = new Dictionary<Organ, string>
            {
                [Organ.GeneralAssembly] = "大会",
                [Organ.SecurityCouncil] = "安全理事会",
                [Organ.EconomicAndSocialCouncil] = "经济及社会理事会",
            },
            AgendaItem = "议程项目 {0}",
            AgendaItems = "议程项目 {0}",
            ListSeparator = "、",
            ListLast = " 和 ",
            GeneralAssemblySession = n => $"第{HeaderOrdinals.Chinese(n)}届会议",
            SecurityCouncilYear = n => $"第{HeaderOrdinals.Chinese(n)}年",
            EconomicAndSocialCouncilSession = year => $"{year}年届会",
        },
        ["ar"] = EnglishBlock("ar") with
        {
            VersionLine = "Arabic",
            UnitedNations = "الأمم المتحدة",
            Organs = new Dictionary<Organ, string>
            {
                [Organ.GeneralAssembly] = "الجمعية العامة",
                [Organ.SecurityCouncil] = "مجلس الأمن",
                [Organ.EconomicAndSocialCouncil] = "المجلس الاقتصادي والاجتماعي",
            },
            AgendaItem = "البند {0} من جدول الأعمال",
            AgendaItems = "البنود {0} من جدول الأعمال",
            ListSeparator = " و ",
            ListLast = " و ",
            GeneralAssemblySession = n => $"الدورة {HeaderOrdinals.ArabicFeminine(n)}",
            SecurityCouncilYear = n => $"السنة {HeaderOrdinals.ArabicFeminine(n)}",
            EconomicAndSocialCouncilSession = year => $"دورة عام {year}",
        },
        ["ru"] = EnglishBlock("ru") with
        {
            VersionLine = "Russian",
            UnitedNations = "Организация Объединенных Наций",
            Organs = new Dictionary<Organ, string>
            {
                [Organ.GeneralAssembly] = "Генеральная Ассамблея",
                [Organ.SecurityCouncil] = "Совет Безопасности",
                [Organ.EconomicAndSocialCouncil] = "Экономический и Социальный Совет",
            },
            AgendaItem = "Пункт {0} повестки дня",
            AgendaItems = "Пункты {0} повестки дня",
            ListLast = " и ",
            GeneralAssemblySession = n => $"{HeaderOrdinals.Capitalize(HeaderOrdinals.Russian(n, feminine: true))} сессия",
            SecurityCouncilYear = n => $"{HeaderOrdinals.Capitalize(HeaderOrdinals.Russian(n, feminine: false))} год",
            EconomicAndSocialCouncilSession = year => $"Сессия {year} года",
        },
        ["fr"] = EnglishBlock("fr") with
        {
            VersionLine = "Français",
            UnitedNations = "Nations Unies",
            Organs = new Dictionary<Organ, string>
            {
                [Organ.GeneralAssembly] = "Assemblée générale",
                [Organ.SecurityCouncil] = "Conseil de sécurité",
                [Organ.EconomicAndSocialCouncil] = "Conseil économique et social",
            },
            BlockLanguage = "fr",
            Distributions = new Dictionary<Distribution, string>
            {
                [Distribution.General] = "Distr. générale",
                [Distribution.Limited] = "Distr. limitée",
                [Distribution.Restricted] = "Distr. restreinte",
            },
            Original = "Original\u202F: {0}",
            LanguageNames = new Dictionary<string, string>
            {
                ["ar"] = "arabe",
                ["zh"] = "chinois",
                ["en"] = "anglais",
                ["fr"] = "français",
                ["ru"] = "russe",
                ["es"] = "espagnol",
            },
            NotStated = "non précisé",
            DateCulture = "fr-FR",
            AgendaItem = "Point {0} de l’ordre du jour",
            AgendaItems = "Points {0} de l’ordre du jour",
            ListLast = " et ",
            GeneralAssemblySession = n => $"{HeaderOrdinals.Capitalize(HeaderOrdinals.French(n))} session",
            SecurityCouncilYear = n => $"{HeaderOrdinals.Capitalize(HeaderOrdinals.French(n))} année",
            EconomicAndSocialCouncilSession = year => $"Session de {year}",
        },
        ["es"] = EnglishBlock("es") with
        {
            VersionLine = "Español",
            UnitedNations = "Naciones Unidas",
            Organs = new Dictionary<Organ, string>
            {
                [Organ.GeneralAssembly] = "Asamblea General",
                [Organ.SecurityCouncil] = "Consejo de Seguridad",
                [Organ.EconomicAndSocialCouncil] = "Consejo Económico y Social",
            },
            BlockLanguage = "es",
            Distributions = new Dictionary<Distribution, string>
            {
                [Distribution.General] = "Distr. general",
                [Distribution.Limited] = "Distr. limitada",
                [Distribution.Restricted] = "Distr. reservada",
            },
            LanguageNames = new Dictionary<string, string>
            {
                ["ar"] = "árabe",
                ["zh"] = "chino",
                ["en"] = "inglés",
                ["fr"] = "francés",
                ["ru"] = "ruso",
                ["es"] = "español",
            },
            NotStated = "no consta",
            DateCulture = "es-ES",
            DatePattern = "d 'de' MMMM 'de' yyyy",
            AgendaItem = "Tema {0} del programa",
            AgendaItems = "Temas {0} del programa",
            ListLast = " y ",
            GeneralAssemblySession = n => $"{HeaderOrdinals.Capitalize(HeaderOrdinals.Spanish(n))} período de sesiones",
            SecurityCouncilYear = n => $"{HeaderOrdinals.Capitalize(HeaderOrdinals.Spanish(n))} año",
            EconomicAndSocialCouncilSession = year => $"Período de sesiones de {year}",
        },
    };
}

/// <summary>Ordinal words for session and year lines, 1 to 99; other numbers fall back to digits.</summary>
public static class HeaderOrdinals
{
    private static readonly string[] ChineseDigits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>75 → 七十五, 10 → 十, 16 → 十六, 20 → 二十.</summary>
    public static string Chinese(int n)
    {
        if (n is <= 0 or >= 100)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }
        var (tens, units) = (n / 10, n % 10);
        return tens == 0 ? ChineseDigits[units] : (tens == 1 ? "" : ChineseDigits[tens]) + "十" + ChineseDigits[units];
    }

    private static readonly string[] ArabicUnits = ["", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة"];
    private static readonly string[] ArabicTens = ["", "", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون"];

    /// <summary>The feminine ordinal (الدورة, السنة): 75 → الخامسة والسبعون, 11 → الحادية عشرة.</summary>
    public static string ArabicFeminine(int n)
    {
        if (n is <= 0 or >= 100)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }
        var (tens, units) = (n / 10, n % 10);
        var unit = units == 1 && n > 10 ? "الحادية" : ArabicUnits[units];
        return tens switch
        {
            0 => unit,
            1 => units == 0 ? "العاشرة" : $"{unit} عشرة",
            _ => units == 0 ? ArabicTens[tens] : $"{unit} و{ArabicTens[tens]}",
        };
    }

    private static readonly string[] RussianUnits = ["", "первый", "второй", "третий", "четвертый", "пятый", "шестой", "седьмой", "восьмой", "девятый"];
    private static readonly string[] RussianTeens = ["десятый", "одиннадцатый", "двенадцатый", "тринадцатый", "четырнадцатый", "пятнадцатый", "шестнадцатый", "семнадцатый", "восемнадцатый", "девятнадцатый"];
    private static readonly string[] RussianTensOrdinal = ["", "", "двадцатый", "тридцатый", "сороковой", "пятидесятый", "шестидесятый", "семидесятый", "восьмидесятый", "девяностый"];
    private static readonly string[] RussianTens = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"];

    /// <summary>75 → семьдесят пятая (сессия, feminine), 76 → семьдесят шестой (год, masculine).</summary>
    public static string Russian(int n, bool feminine)
    {
        if (n is <= 0 or >= 100)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }
        var (tens, units) = (n / 10, n % 10);
        var masculine = tens switch
        {
            0 => RussianUnits[units],
            1 => RussianTeens[units],
            _ => units == 0 ? RussianTensOrdinal[tens] : $"{RussianTens[tens]} {RussianUnits[units]}",
        };
        if (!feminine)
        {
            return masculine;
        }
        return masculine.EndsWith("третий", StringComparison.Ordinal) ? masculine[..^2] + "ья" : masculine[..^2] + "ая";
    }

    private static readonly string[] FrenchUnits = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"];
    private static readonly string[] FrenchTens = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];

    /// <summary>75 → soixante-quinzième, 71 → soixante et onzième, 80 → quatre-vingtième, 1 → première (session, année).</summary>
    public static string French(int n)
    {
        if (n is <= 0 or >= 100)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }
        if (n == 1)
        {
            return "première";
        }
        var (tens, units) = (n / 10, n % 10);
        var cardinal = n switch
        {
            < 20 => FrenchUnits[n],
            < 70 => units switch { 0 => FrenchTens[tens], 1 => $"{FrenchTens[tens]} et un", _ => $"{FrenchTens[tens]}-{FrenchUnits[units]}" },
            71 => "soixante et onze",
            < 80 => $"soixante-{FrenchUnits[n - 60]}",
            80 => "quatre-vingt",
            _ => $"quatre-vingt-{FrenchUnits[n - 80]}",
        };
        if (cardinal.EndsWith("cinq", StringComparison.Ordinal))
        {
            return cardinal + "uième";
        }
        if (cardinal.EndsWith("neuf", StringComparison.Ordinal))
        {
            return cardinal[..^1] + "vième";
        }
        return (cardinal.EndsWith('e') ? cardinal[..^1] : cardinal) + "ième";
    }

    private static readonly string[] SpanishUnits = ["", "primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno"];
    private static readonly string[] SpanishTens = ["", "décimo", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo", "sexagésimo", "septuagésimo", "octogésimo", "nonagésimo"];

    /// <summary>Before a masculine noun (período, año): 75 → septuagésimo quinto, 1 → primer, 13 → decimotercer.</summary>
    public static string Spanish(int n)
    {
        if (n is <= 0 or >= 100)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }
        var (tens, units) = (n / 10, n % 10);
        return (tens, units) switch
        {
            (0, _) => SpanishUnits[units],
            (1, 1) => "undécimo",
            (1, 2) => "duodécimo",
            (1, 8) => "decimoctavo",
            (1, > 2) => "decimo" + SpanishUnits[units],
            (_, 0) => SpanishTens[tens],
            _ => $"{SpanishTens[tens]} {SpanishUnits[units]}",
        };
    }

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
