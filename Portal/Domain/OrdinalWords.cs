using System.Globalization;

namespace Portal.Domain;

/// <summary>
/// Ordinal words for session and year lines in the six UN languages, as the UN spells them out
/// ("Seventy-fifth session", "第七十五届会议", "soixante-quinzième session", "الدورة الخامسة والسبعون",
/// "семьдесят пятая сессия", "septuagésimo quinto período de sesiones"), for 1 to 999; other numbers
/// fall back to digits. Words come in lower case (Chinese has none); callers capitalize where a line
/// starts with them.
/// </summary>
public static class OrdinalWords
{
    public const int Largest = 999;

    private static bool Spelled(int n) => n is > 0 and <= Largest;

    private static string Digits(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static readonly string[] EnglishCardinals = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private static readonly string[] EnglishUnits = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
    private static readonly string[] EnglishTeens = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
    private static readonly string[] EnglishTens = ["", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"];

    /// <summary>75 → seventy-fifth, 80 → eightieth, 100 → one hundredth, 101 → one hundred and first (British usage, as the UN writes).</summary>
    public static string English(int n)
    {
        if (!Spelled(n))
        {
            return Digits(n);
        }
        var (hundreds, rest) = (n / 100, n % 100);
        if (hundreds > 0)
        {
            var head = $"{EnglishCardinals[hundreds]} hundred";
            return rest == 0 ? head + "th" : $"{head} and {English(rest)}";
        }
        var (tens, units) = (n / 10, n % 10);
        return tens switch
        {
            0 => EnglishUnits[units],
            1 => EnglishTeens[units],
            _ => units == 0 ? EnglishTens[tens] + "ieth" : $"{EnglishTens[tens]}y-{EnglishUnits[units]}",
        };
    }

    private static readonly string[] ChineseDigits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>75 → 七十五, 10 → 十, 16 → 十六, 100 → 一百, 105 → 一百零五, 110 → 一百一十 (the 第…届 around it is the caller's).</summary>
    public static string Chinese(int n)
    {
        if (!Spelled(n))
        {
            return Digits(n);
        }
        var (hundreds, rest) = (n / 100, n % 100);
        if (hundreds > 0)
        {
            var head = ChineseDigits[hundreds] + "百";
            return rest switch
            {
                0 => head,
                < 10 => head + "零" + ChineseDigits[rest],
                < 20 => head + "一" + Chinese(rest),
                _ => head + Chinese(rest),
            };
        }
        var (tens, units) = (n / 10, n % 10);
        return tens == 0 ? ChineseDigits[units] : (tens == 1 ? "" : ChineseDigits[tens]) + "十" + ChineseDigits[units];
    }

    private static readonly string[] ArabicUnits = ["", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة"];
    private static readonly string[] ArabicTens = ["", "", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون"];
    private static readonly string[] ArabicHundreds = ["", "المائة", "المائتان", "الثلاثمائة", "الأربعمائة", "الخمسمائة", "الستمائة", "السبعمائة", "الثمانمائة", "التسعمائة"];
    // After بعد the hundreds are in the genitive: only the dual changes (المائتان → المائتين).
    private static readonly string[] ArabicHundredsAfterBaada = ["", "المائة", "المائتين", "الثلاثمائة", "الأربعمائة", "الخمسمائة", "الستمائة", "السبعمائة", "الثمانمائة", "التسعمائة"];

    /// <summary>
    /// The feminine ordinal (الدورة, السنة): 75 → الخامسة والسبعون, 11 → الحادية عشرة, 100 → المائة,
    /// 101 → الحادية بعد المائة, 125 → الخامسة والعشرون بعد المائة.
    /// </summary>
    public static string ArabicFeminine(int n)
    {
        if (!Spelled(n))
        {
            return Digits(n);
        }
        var (hundreds, rest) = (n / 100, n % 100);
        if (hundreds > 0)
        {
            return rest switch
            {
                0 => ArabicHundreds[hundreds],
                1 => $"الحادية بعد {ArabicHundredsAfterBaada[hundreds]}",
                _ => $"{ArabicFeminine(rest)} بعد {ArabicHundredsAfterBaada[hundreds]}",
            };
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
    private static readonly string[] RussianHundredsOrdinal = ["", "сотый", "двухсотый", "трехсотый", "четырехсотый", "пятисотый", "шестисотый", "семисотый", "восьмисотый", "девятисотый"];
    private static readonly string[] RussianHundreds = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"];

    /// <summary>
    /// 75 → семьдесят пятая (сессия, feminine), 76 → семьдесят шестой (год, masculine), 100 → сотая,
    /// 101 → сто первая. Spelled with е, not ё, as UN Russian texts are.
    /// </summary>
    public static string Russian(int n, bool feminine)
    {
        if (!Spelled(n))
        {
            return Digits(n);
        }
        var masculine = RussianMasculine(n);
        if (!feminine)
        {
            return masculine;
        }
        return masculine.EndsWith("третий", StringComparison.Ordinal) ? masculine[..^2] + "ья" : masculine[..^2] + "ая";
    }

    private static string RussianMasculine(int n)
    {
        var (hundreds, rest) = (n / 100, n % 100);
        if (hundreds > 0)
        {
            return rest == 0 ? RussianHundredsOrdinal[hundreds] : $"{RussianHundreds[hundreds]} {RussianMasculine(rest)}";
        }
        var (tens, units) = (n / 10, n % 10);
        return tens switch
        {
            0 => RussianUnits[units],
            1 => RussianTeens[units],
            _ => units == 0 ? RussianTensOrdinal[tens] : $"{RussianTens[tens]} {RussianUnits[units]}",
        };
    }

    private static readonly string[] FrenchUnits = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"];
    private static readonly string[] FrenchTens = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];

    /// <summary>
    /// Feminine (session, année): 1 → première, 75 → soixante-quinzième, 71 → soixante et onzième,
    /// 80 → quatre-vingtième, 101 → cent unième, 200 → deux centième (traditional spelling, as the UN writes).
    /// </summary>
    public static string French(int n)
    {
        if (!Spelled(n))
        {
            return Digits(n);
        }
        if (n == 1)
        {
            return "première";
        }
        var cardinal = FrenchCardinal(n);
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

    /// <summary>The cardinal an ordinal is built on: "cent" stays without -s, as it does before -ième.</summary>
    private static string FrenchCardinal(int n)
    {
        var (hundreds, rest) = (n / 100, n % 100);
        if (hundreds > 0)
        {
            var head = hundreds == 1 ? "cent" : $"{FrenchUnits[hundreds]} cent";
            return rest == 0 ? head : $"{head} {FrenchCardinal(rest)}";
        }
        var (tens, units) = (n / 10, n % 10);
        return n switch
        {
            < 20 => FrenchUnits[n],
            < 70 => units switch { 0 => FrenchTens[tens], 1 => $"{FrenchTens[tens]} et un", _ => $"{FrenchTens[tens]}-{FrenchUnits[units]}" },
            71 => "soixante et onze",
            < 80 => $"soixante-{FrenchUnits[n - 60]}",
            80 => "quatre-vingt",
            _ => $"quatre-vingt-{FrenchUnits[n - 80]}",
        };
    }

    private static readonly string[] SpanishUnits = ["", "primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno"];
    private static readonly string[] SpanishTens = ["", "décimo", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo", "sexagésimo", "septuagésimo", "octogésimo", "nonagésimo"];
    private static readonly string[] SpanishHundreds = ["", "centésimo", "ducentésimo", "tricentésimo", "cuadringentésimo", "quingentésimo", "sexcentésimo", "septingentésimo", "octingentésimo", "noningentésimo"];

    /// <summary>
    /// Before a masculine noun (período, año), so 1 and 3 are apocopated: 75 → septuagésimo quinto,
    /// 1 → primer, 13 → decimotercer, 100 → centésimo, 101 → centésimo primer.
    /// </summary>
    public static string Spanish(int n)
    {
        if (!Spelled(n))
        {
            return Digits(n);
        }
        var (hundreds, rest) = (n / 100, n % 100);
        if (hundreds > 0)
        {
            return rest == 0 ? SpanishHundreds[hundreds] : $"{SpanishHundreds[hundreds]} {Spanish(rest)}";
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
