using Portal.Domain;

namespace Portal.Features.Ingestion;

/// <summary>
/// Tells which of the six UN languages a text is in. Script decides Arabic, Chinese and Russian outright;
/// the three Latin-script languages are told apart by their most frequent short words, which every UN
/// text is full of ("the", "of"; "le", "des"; "el", "los"). No statistical model is needed for six
/// languages this different, and this one cannot be fooled by proper names in another script.
/// </summary>
public static class TextLanguage
{
    private static readonly Dictionary<string, HashSet<string>> StopWords = new()
    {
        ["en"] = ["the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "by", "as", "which", "this", "are", "have", "has", "its", "it", "be", "from", "was", "were", "been", "would"],
        ["fr"] = ["le", "la", "les", "des", "du", "et", "est", "que", "qui", "dans", "pour", "par", "sur", "une", "au", "aux", "ce", "cette", "sont", "pas", "ont", "avec", "je", "vous"],
        ["es"] = ["el", "los", "las", "del", "y", "que", "en", "por", "para", "con", "una", "se", "su", "sus", "es", "al", "como", "lo", "este", "esta", "han", "ha"],
    };

    public sealed record Detected(UnLanguage Language, double Confidence);

    public static Detected? Detect(string text)
    {
        long han = 0, arabic = 0, cyrillic = 0, latin = 0;
        var sample = text.Length > 200_000 ? text[..200_000] : text;
        foreach (var c in sample)
        {
            if (IngestionText.IsHan(c))
            {
                han++;
            }
            else if (c is >= '\u0600' and <= '\u06FF')
            {
                arabic++;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '\u00C0' and <= '\u024F')
            {
                latin++;
            }
        }
        // A Chinese character carries about as much text as three Latin letters.
        var weighted = new (string Code, double Weight)[] { ("zh", han * 3.0), ("ar", arabic), ("ru", cyrillic), ("latin", latin) };
        var total = weighted.Sum(w => w.Weight);
        if (total < 20)
        {
            return null;
        }
        var best = weighted.MaxBy(w => w.Weight);
        var share = best.Weight / total;
        if (best.Code != "latin")
        {
            return new Detected(UnLanguage.FromCode(best.Code), Math.Round(Math.Min(0.99, 0.5 + share / 2), 2));
        }
        var counts = StopWords.Keys.ToDictionary(k => k, _ => 0);
        foreach (var word in sample.Split([' ', '\n', '\t', ',', '.', ';', ':', '(', ')', '"', '\'', '’'], StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = word.ToLowerInvariant();
            foreach (var (code, words) in StopWords)
            {
                if (words.Contains(lower))
                {
                    counts[code]++;
                }
            }
        }
        var ranked = counts.OrderByDescending(c => c.Value).ToList();
        if (ranked[0].Value < 3)
        {
            return null;
        }
        var margin = (ranked[0].Value - ranked[1].Value) / (double)ranked[0].Value;
        return new Detected(UnLanguage.FromCode(ranked[0].Key), Math.Round(Math.Min(0.99, 0.5 + margin / 2 + share / 4), 2));
    }
}
