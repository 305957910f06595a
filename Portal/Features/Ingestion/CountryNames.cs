using System.Text.RegularExpressions;
using Portal.Catalogue;

namespace Portal.Features.Ingestion;

/// <summary>
/// The 193 Member States and the two observer States (Holy See, State of Palestine), found in a phrase of any of the UN's six
/// languages (<see cref="MemberStateNames"/>), to propose the sender under its English short name whatever the language of the text. Russian names are matched by stem because
/// titles put them in the genitive ("Постоянного представителя Армении").
/// </summary>
public static class CountryNames
{

    private sealed record Entry(string English, Regex Pattern, int Length);

    /// <summary>The English name of the State named in <paramref name="phrase"/>, the longest match winning.</summary>
    public static string? Find(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return null;
        }
        var folded = IngestionText.Fold(phrase);
        return Entries.Where(e => e.Pattern.IsMatch(folded)).MaxBy(e => e.Length)?.English;
    }

    /// <summary>The States' names, one row each: English, French, Spanish, Russian, Arabic, Chinese (<see cref="MemberStateNames"/>).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> All => MemberStateNames.All;

    private static readonly Entry[] Entries = Build();

    private static IEnumerable<string> RussianWords(string name) =>
        name.ToLowerInvariant().Replace('ё', 'е').Split([' ', '-', '\u2010', '\u2011', '\u2013'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// What every case of a Russian word of a State's name begins with: adjectives lose their ending ("Южный" → "Южн"),
    /// nouns in -ия/-ея only the -я ("Армения" → "Армени", so "Нигерия" never takes "Нигера"), other nouns in -а/-я/-ь/-й/-ы
    /// their last letter ("Куба", "Китай"), -ство its -о; names that do not decline ("Мали", "Того", "Самоа") and those
    /// ending in a consonant ("Нигер") stay whole, except the fleeting е of "Египет" (genitive "Египта").
    /// </summary>
    private static string RussianStem(string word)
    {
        static bool Vowel(char c) => "аеёиоуыэюя".Contains(c);
        return word switch
        {
            { Length: <= 3 } => word,
            _ when word.EndsWith("ство", StringComparison.Ordinal) => word[..^1],
            _ when word.Length > 4 && (word.EndsWith("ая", StringComparison.Ordinal) || word.EndsWith("ое", StringComparison.Ordinal) || word.EndsWith("ые", StringComparison.Ordinal)
                || word.EndsWith("ый", StringComparison.Ordinal) || word.EndsWith("ий", StringComparison.Ordinal) || word.EndsWith("ой", StringComparison.Ordinal)) => word[..^2],
            _ when word.EndsWith("ия", StringComparison.Ordinal) || word.EndsWith("ея", StringComparison.Ordinal) => word[..^1],
            _ when word[^1] is 'а' or 'я' && !Vowel(word[^2]) => word[..^1],
            _ when word[^1] is 'ь' or 'й' or 'ы' => word[..^1],
            _ when word.Length > 5 && word.EndsWith("ет", StringComparison.Ordinal) => word[..^2],
            _ => word,
        };
    }

    private static Entry[] Build()
    {
        var entries = new List<Entry>();
        foreach (var names in All)
        {
            foreach (var (name, index) in names.Select((n, i) => (n, i)))
            {
                var folded = IngestionText.Fold(name);
                var pattern = index switch
                {
                    // Russian: each word by its stem, so every case ending matches ("Армении", "Нигера", "Гвинеи-Бисау").
                    3 => @"(?<!\w)" + string.Join(@"\s+", RussianWords(name).Select(w => Regex.Escape(IngestionText.Fold(RussianStem(w))) + @"\w*")),
                    // Arabic and Chinese words attach to prefixes (لـ, ال) or neighbours: match anywhere.
                    // "للمكسيك": the preposition لـ swallows the article's alef.
                    4 when folded.StartsWith("ال", StringComparison.Ordinal) => "(?:ال|لل)" + Regex.Escape(folded[2..]),
                    4 or 5 => Regex.Escape(folded),
                    _ => @"\b" + Regex.Escape(folded) + @"\b",
                };
                entries.Add(new Entry(names[0], new Regex(pattern, RegexOptions.CultureInvariant), folded.Length));
            }
            // The English short form without its bracketed qualifier: "Bolivia", "Iran", "Venezuela".
            var bare = names[0].Split(" (")[0];
            if (bare != names[0])
            {
                entries.Add(new Entry(names[0], new Regex(@"\b" + Regex.Escape(IngestionText.Fold(bare)) + @"\b"), bare.Length));
            }
        }
        return [.. entries];
    }
}
