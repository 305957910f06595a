namespace Portal.Features.Ingestion;

/// <summary>
/// Session and year ordinals as UN headers spell them ("Seventy-fifth session", "Soixante-quinzième
/// session", "Septuagésimo quinto período de sesiones", "Семьдесят пятая сессия", "الدورة الخامسة والسبعون",
/// "第七十五届会议"). The words for 1–150 are generated once per language and looked up folded.
/// </summary>
public static class SessionOrdinals
{
    // Lazy: the word tables below are static fields too, initialised after this one.
    private static readonly Lazy<Dictionary<string, int>> Words = new(Build);

    public static int? Parse(string phrase)
    {
        var folded = IngestionText.Fold(phrase.Trim().TrimEnd(',', '.', ':'));
        return Words.Value.TryGetValue(folded, out var value) ? value : null;
    }

    /// <summary>The ordinal at the end (<paramref name="before"/>) or start of a run of words, longest first.</summary>
    public static int? FindAdjacent(string words, bool atEnd)
    {
        var parts = words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var take = Math.Min(5, parts.Length); take >= 1; take--)
        {
            var slice = atEnd ? parts[^take..] : parts[..take];
            if (Parse(string.Join(' ', slice)) is { } value)
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>Chinese numerals up to the hundreds: 七十五, 十五, 一百零一.</summary>
    public static int? ParseChinese(string numeral)
    {
        if (numeral.Length == 0)
        {
            return null;
        }
        var digits = "零一二三四五六七八九";
        int total = 0, current = 0;
        foreach (var c in numeral)
        {
            var d = digits.IndexOf(c);
            if (d >= 0)
            {
                current = d;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else if (c == '百')
            {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
            else if (c == '两')
            {
                current = 2;
            }
            else
            {
                return null;
            }
        }
        return total + current;
    }

    private static Dictionary<string, int> Build()
    {
        var words = new Dictionary<string, int>();
        void Add(string text, int value) => words.TryAdd(IngestionText.Fold(text), value);
        for (var n = 1; n <= 150; n++)
        {
            foreach (var text in English(n))
            {
                Add(text, n);
            }
            Add(French(n), n);
            foreach (var text in Spanish(n))
            {
                Add(text, n);
            }
            foreach (var text in Russian(n))
            {
                Add(text, n);
            }
            foreach (var text in Arabic(n))
            {
                Add(text, n);
            }
            Add($"{n}th", n);
            Add($"{n}st", n);
            Add($"{n}nd", n);
            Add($"{n}rd", n);
            Add($"{n}e", n);
            Add($"{n}eme", n);
            Add($"{n}.", n);
        }
        return words;
    }

    private static readonly string[] EnUnitOrdinal = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
    private static readonly string[] EnTeenOrdinal = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
    private static readonly string[] EnTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    private static readonly string[] EnTensOrdinal = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

    private static IEnumerable<string> English(int n)
    {
        if (n >= 100)
        {
            var rest = n - 100;
            if (rest == 0)
            {
                yield return "one hundredth";
                yield return "hundredth";
                yield break;
            }
            foreach (var tail in English(rest))
            {
                yield return "one hundred and " + tail;
                yield return "one hundred " + tail;
            }
            yield break;
        }
        if (n < 10)
        {
            yield return EnUnitOrdinal[n];
        }
        else if (n < 20)
        {
            yield return EnTeenOrdinal[n - 10];
        }
        else if (n % 10 == 0)
        {
            yield return EnTensOrdinal[n / 10];
        }
        else
        {
            yield return $"{EnTens[n / 10]}-{EnUnitOrdinal[n % 10]}";
        }
    }

    private static readonly string[] FrUnits = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"];

    private static string FrenchCardinal(int n)
    {
        if (n <= 16)
        {
            return FrUnits[n];
        }
        if (n < 20)
        {
            return "dix-" + FrUnits[n - 10];
        }
        if (n >= 100)
        {
            return n == 100 ? "cent" : "cent " + FrenchCardinal(n - 100);
        }
        var tens = n / 10;
        var unit = n % 10;
        return tens switch
        {
            7 => unit == 1 ? "soixante et onze" : "soixante-" + FrenchCardinal(10 + unit),
            8 => unit == 0 ? "quatre-vingts" : "quatre-vingt-" + FrenchCardinal(unit),
            9 => "quatre-vingt-" + FrenchCardinal(10 + unit),
            _ => (new[] { "", "", "vingt", "trente", "quarante", "cinquante", "soixante" })[tens] + unit switch
            {
                0 => "",
                1 => " et un",
                _ => "-" + FrUnits[unit],
            },
        };
    }

    private static string French(int n)
    {
        if (n == 1)
        {
            return "premiere";
        }
        var cardinal = FrenchCardinal(n);
        var cut = cardinal.LastIndexOfAny([' ', '-']) + 1;
        var head = cardinal[..cut];
        var last = cardinal[cut..];
        var ordinal = last switch
        {
            "un" => "unieme",
            "cinq" => "cinquieme",
            "neuf" => "neuvieme",
            "vingts" => "vingtieme",
            _ when last.EndsWith('e') => last[..^1] + "ieme",
            _ => last + "ieme",
        };
        return head + ordinal;
    }

    private static readonly string[] EsUnits = ["", "primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "septimo", "octavo", "noveno"];
    private static readonly string[] EsTens = ["", "decimo", "vigesimo", "trigesimo", "cuadragesimo", "quincuagesimo", "sexagesimo", "septuagesimo", "octogesimo", "nonagesimo"];

    private static IEnumerable<string> Spanish(int n)
    {
        var forms = new List<string>();
        if (n >= 100)
        {
            if (n == 100)
            {
                forms.Add("centesimo");
            }
            else
            {
                forms.AddRange(Spanish(n - 100).Select(t => "centesimo " + t));
            }
        }
        else if (n < 10)
        {
            forms.Add(EsUnits[n]);
        }
        else if (n == 11)
        {
            forms.AddRange(["undecimo", "decimoprimero", "decimo primero"]);
        }
        else if (n == 12)
        {
            forms.AddRange(["duodecimo", "decimosegundo", "decimo segundo"]);
        }
        else if (n < 20 && n % 10 != 0)
        {
            forms.AddRange(["decimo" + EsUnits[n % 10], "decimo " + EsUnits[n % 10]]);
        }
        else
        {
            forms.Add(n % 10 == 0 ? EsTens[n / 10] : $"{EsTens[n / 10]} {EsUnits[n % 10]}");
        }
        foreach (var form in forms.ToList())
        {
            // "septuagésimo primer período", "tercer año"; feminine for "sesión".
            if (form.EndsWith("primero") || form.EndsWith("tercero"))
            {
                forms.Add(form[..^1]);
            }
            forms.Add(string.Join(' ', form.Split(' ').Select(w => w.EndsWith('o') ? w[..^1] + "a" : w)));
        }
        return forms;
    }

    private static readonly string[] RuUnitsFem = ["", "первая", "вторая", "третья", "четвертая", "пятая", "шестая", "седьмая", "восьмая", "девятая"];
    private static readonly string[] RuTeensFem = ["десятая", "одиннадцатая", "двенадцатая", "тринадцатая", "четырнадцатая", "пятнадцатая", "шестнадцатая", "семнадцатая", "восемнадцатая", "девятнадцатая"];
    private static readonly string[] RuTens = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"];
    private static readonly string[] RuTensFem = ["", "", "двадцатая", "тридцатая", "сороковая", "пятидесятая", "шестидесятая", "семидесятая", "восьмидесятая", "девяностая"];

    private static IEnumerable<string> Russian(int n)
    {
        string feminine;
        if (n >= 100)
        {
            if (n == 100)
            {
                feminine = "сотая";
            }
            else
            {
                foreach (var tail in Russian(n - 100))
                {
                    yield return "сто " + tail;
                }
                yield break;
            }
        }
        else if (n < 10)
        {
            feminine = RuUnitsFem[n];
        }
        else if (n < 20)
        {
            feminine = RuTeensFem[n - 10];
        }
        else if (n % 10 == 0)
        {
            feminine = RuTensFem[n / 10];
        }
        else
        {
            feminine = $"{RuTens[n / 10]} {RuUnitsFem[n % 10]}";
        }
        yield return feminine;
        var cut = feminine.LastIndexOf(' ') + 1;
        var head = feminine[..cut];
        var last = feminine[cut..];
        // Masculine (год), and the genitive and prepositional forms a sentence uses (сессии, году).
        string[] masculine = last switch
        {
            "третья" => ["третий", "третьей", "третьего", "третьем"],
            "вторая" or "шестая" or "седьмая" or "восьмая" or "сороковая" => [last[..^2] + "ой", last[..^2] + "ого", last[..^2] + "ом"],
            _ => [last[..^2] + "ый", last[..^2] + "ой", last[..^2] + "ого", last[..^2] + "ом"],
        };
        foreach (var form in masculine)
        {
            yield return head + form;
        }
    }

    private static readonly string[] ArUnitsFem = ["", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة"];
    private static readonly string[] ArUnitsMasc = ["", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"];
    private static readonly string[] ArTens = ["", "", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون"];

    private static IEnumerable<string> Arabic(int n)
    {
        if (n >= 100)
        {
            yield break;
        }
        var unit = n % 10;
        var tens = n / 10;
        if (n < 10)
        {
            yield return ArUnitsFem[n];
            yield return ArUnitsMasc[n];
        }
        else if (n == 10)
        {
            yield return "العاشرة";
            yield return "العاشر";
        }
        else if (n < 20)
        {
            yield return (unit == 1 ? "الحادية" : ArUnitsFem[unit]) + " عشرة";
            yield return (unit == 1 ? "الحادي" : ArUnitsMasc[unit]) + " عشر";
        }
        else if (unit == 0)
        {
            yield return ArTens[tens];
        }
        else
        {
            yield return (unit == 1 ? "الحادية" : ArUnitsFem[unit]) + " وال" + ArTens[tens][2..];
            yield return (unit == 1 ? "الحادي" : ArUnitsMasc[unit]) + " وال" + ArTens[tens][2..];
        }
    }
}
