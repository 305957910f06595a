using System.Text.RegularExpressions;

namespace Portal.Features.Ingestion;

/// <summary>
/// The title line ("Letter dated 30 March 2021 from the Permanent Representative of Armenia to the United
/// Nations addressed to the Secretary-General" and its forms in the other five languages): the kind of
/// document, the letter's date, its sender and its addressee.
/// </summary>
public static partial class TitleLineRules
{
    public const string Letter = "letter";
    public const string IdenticalLetters = "identical_letters";
    public const string NoteVerbale = "note_verbale";
    public const string Report = "report";

    /// <summary>Where a title starts in a line (0 for most, later when a flattened header precedes it), or -1.</summary>
    public static int TitleStart(string line)
    {
        var m = Start().Match(line);
        if (m.Success)
        {
            return m.Index;
        }
        return ChineseTitle().IsMatch(line.Trim()) ? 0 : -1;
    }

    /// <summary>Whether a title that may have wrapped still lacks its end, so the next line belongs to it.</summary>
    public static bool Continues(string title, string next)
    {
        var n = next.Trim();
        if (n.Length == 0 || n.Length > 200 || SignatureRules.HasMarker(n) || AnnexRules.IsHeading(n) || TitleStart(n) == 0)
        {
            return false;
        }
        if (char.IsLower(n[0]))
        {
            return true;
        }
        if (ChineseTitle().IsMatch(title) || title.EndsWith('信') || title.EndsWith("照会", StringComparison.Ordinal))
        {
            return false;
        }
        if (IngestionText.IsHan(title[^1]))
        {
            return n.Length < 60;
        }
        return !Complete().IsMatch(title) || Dangling().IsMatch(title);
    }

    public static string? Kind(string title)
    {
        var folded = IngestionText.Fold(title);
        if (IdenticalPattern().IsMatch(folded) || title.Contains("同文信", StringComparison.Ordinal))
        {
            return IdenticalLetters;
        }
        if (NotePattern().IsMatch(folded) || title.Contains("照会", StringComparison.Ordinal))
        {
            return NoteVerbale;
        }
        if (ReportPattern().IsMatch(folded) || title.EndsWith("报告", StringComparison.Ordinal))
        {
            return Report;
        }
        if (LetterPattern().IsMatch(folded) || title.EndsWith('信'))
        {
            return Letter;
        }
        return null;
    }

    public sealed record Parties(string? Sender, string? Addressee);

    public static Parties SenderAndAddressee(string title)
    {
        foreach (var pattern in PartyPatterns)
        {
            var m = pattern.Match(title);
            if (m.Success)
            {
                var sender = m.Groups["from"].Success ? Tidy(m.Groups["from"].Value) : null;
                var to = m.Groups["to"].Success ? Tidy(m.Groups["to"].Value) : null;
                return new Parties(sender, to);
            }
        }
        return new Parties(null, null);
    }

    private static string? Tidy(string phrase)
    {
        var t = DateWords().Replace(phrase, " ").Trim().Trim(',', '.', ' ', '،');
        t = LeadingArticle().Replace(t, "");
        return t.Length == 0 ? null : t;
    }

    public static bool IsKnownAddressee(string? phrase) => phrase is not null && Addressees.Any(a => a.Pattern.IsMatch(phrase));

    /// <summary>The canonical English name of an addressee, or the phrase as the text gives it.</summary>
    public static string? CanonicalAddressee(string? phrase)
    {
        if (phrase is null)
        {
            return null;
        }
        var found = new List<(int Index, string Name)>();
        foreach (var (name, pattern) in Addressees)
        {
            var m = pattern.Match(phrase);
            if (m.Success)
            {
                found.Add((m.Index, name));
            }
        }
        if (found.Count == 0)
        {
            return phrase;
        }
        return string.Join(" and ", found.OrderBy(f => f.Index).Select(f => f.Name).Distinct());
    }

    private static readonly (string Name, Regex Pattern)[] Addressees =
    [
        ("President of the Security Council", new(@"President\s+of\s+the\s+Security\s+Council|Pr[ée]sidente?\s+du\s+Conseil\s+de\s+s[ée]curit[ée]|Presiden(?:te|ta|cia)\s+del\s+Consejo\s+de\s+Seguridad|Председател\p{L}*\s+Совета\s+Безопасности|رئيس(?:ة)?\s+مجلس\s+الأمن|安全理事会主席|安理会主席", RegexOptions.IgnoreCase)),
        ("President of the General Assembly", new(@"President\s+of\s+the\s+General\s+Assembly|Pr[ée]sidente?\s+de\s+l['’]Assembl[ée]e\s+g[ée]n[ée]rale|Presiden(?:te|ta|cia)\s+de\s+la\s+Asamblea\s+General|Председател\p{L}*\s+Генеральной\s+Ассамблеи|رئيس(?:ة)?\s+الجمعية\s+العامة|大会主席", RegexOptions.IgnoreCase)),
        ("Secretary-General", new(@"(?<!Deputy\s|Under-)Secretary-General|Secr[ée]taire\s+g[ée]n[ée]ral|Secretari[oa]\s+General|Генеральн\p{L}*\s+секретар\p{L}*|الأمين\s+العام|秘书长", RegexOptions.IgnoreCase)),
    ];

    private static readonly Regex[] PartyPatterns =
    [
        // English: "… from the X addressed to the Y".
        new(@"\bfrom\s+(?<from>.+?)\s+addressed\s+to\s+(?<to>.+)$", RegexOptions.IgnoreCase),
        new(@"\baddressed\s+to\s+(?<to>.+?)\s+(?:by|from)\s+(?<from>.+)$", RegexOptions.IgnoreCase),
        new(@"^(?:Report|Note)\s+(?:of|by)\s+(?<from>.+)$", RegexOptions.IgnoreCase),
        // French: "… adressée au Y par le X".
        new(@"\badress[ée]e?s?\s+(?:au|à\s+la|à\s+l['’]|aux|à)\s*(?<to>.+?)\s+par\s+(?<from>.+)$", RegexOptions.IgnoreCase),
        new(@"^Rapport\s+(?:du|de\s+la|de\s+l['’]|des)\s*(?<from>.+)$", RegexOptions.IgnoreCase),
        // Spanish: "… dirigida al Y por el X".
        new(@"\bdirigidas?\s+(?:al|a\s+la|a\s+los|a)\s+(?<to>.+?)\s+por\s+(?<from>.+)$", RegexOptions.IgnoreCase),
        new(@"^Informe\s+(?:del|de\s+la|de)\s+(?<from>.+)$", RegexOptions.IgnoreCase),
        // Russian: "Письмо X от <дата> на имя Y".
        new(@"^(?:Идентичные\s+письма|Письмо|Вербальная\s+нота)\s+(?<from>.+?)\s+от\s+.+?\s+на\s+имя\s+(?<to>.+)$", RegexOptions.IgnoreCase),
        new(@"^Доклад\s+(?<from>.+)$", RegexOptions.IgnoreCase),
        // Arabic: "رسالة مؤرخة … موجهة إلى Y من X".
        new(@"موجه\p{L}*\s+إلى\s+(?<to>.+?)\s+من\s+(?<from>.+)$"),
        new(@"^تقرير\s+(?<from>.+)$"),
        // Chinese: "<日期>X给Y的信".
        new(@"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?(?<from>.+?)给(?<to>.+?)的(?:同文信|信|普通照会|照会)"),
        new(@"^(?<from>.+?)的报告$"),
    ];

    [GeneratedRegex(@"\b(?:(?:Identical\s+letters|Letters?)\s+dated|Note\s+verbale\s+dated|(?:Identical\s+)?letters?\s+of\s+\d|Report\s+of\s+the|Lettres?\s+(?:identiques\s+)?dat[ée]es?|Note\s+verbale\s+dat[ée]e|Rapport\s+du|Cartas?\s+(?:id[ée]nticas\s+)?de\s+fecha|Nota\s+verbal\s+de\s+fecha|Informe\s+del|Идентичные\s+письма|Письмо\s+\p{Lu}|Вербальная\s+нота|Доклад\s+Генерального|رسالتان\s+متطابقتان|رسائل\s+متطابقة|رسالة\s+مؤرخة|مذكرة\s+شفوية|تقرير\s+الأمين)")]
    private static partial Regex Start();

    [GeneratedRegex(@"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?.{0,80}给.{1,40}的(?:同文信|信|普通照会|照会)$|^秘书长的报告$")]
    private static partial Regex ChineseTitle();

    // A title is complete once it names both ends: "addressed to the …" in English, "par …" in French,
    // "por …" in Spanish, "на имя …" in Russian, "من …" after the addressee in Arabic.
    [GeneratedRegex(@"addressed\s+to\s+\S+.*\S{4,}$|\bpar\s+(?:le|la|les|l['’])\s*\S+.*Unies$|\bpor\s+(?:el|la|los|las)\s+\S+.*Unidas$|на\s+имя\s+\S+\s+\S+|موجه\p{L}*\s+إلى\s+.+\s+من\s+.+المتحدة$|^Report\s+of\s+the\s+Secretary-General$|^Rapport\s+du\s+Secrétaire\s+général$|^Informe\s+del\s+Secretario\s+General$|^Доклад\s+Генерального\s+секретаря$|^تقرير\s+الأمين\s+العام$", RegexOptions.IgnoreCase)]
    private static partial Regex Complete();

    [GeneratedRegex(@"(?:\b(?:the|of|to|and|addressed|from|de|du|des|la|le|et|par|al|del|y|por|ante|при|и|от|на)|\s(?:لدى|من|إلى|و))$", RegexOptions.IgnoreCase)]
    private static partial Regex Dangling();

    [GeneratedRegex(@"identical\s+letters|lettres\s+identiques|cartas\s+identicas|идентичные\s+письма|رسالتان\s+متطابقتان|رسائل\s+متطابقة")]
    private static partial Regex IdenticalPattern();

    [GeneratedRegex(@"^note\s+verbale|^nota\s+verbal|^вербальная\s+нота|^مذكرة\s+شفوية")]
    private static partial Regex NotePattern();

    [GeneratedRegex(@"^(?:report|rapport|informe|доклад|تقرير)\b")]
    private static partial Regex ReportPattern();

    [GeneratedRegex(@"^(?:letters?|lettres?|cartas?|письмо|رسالة)\b")]
    private static partial Regex LetterPattern();

    // The date inside a sender phrase: "от 30 марта 2021 года" never reaches it, but "dated …" pieces may.
    [GeneratedRegex(@"\s+dated\s+\d{1,2}\s+\p{L}+\s+\d{4}")]
    private static partial Regex DateWords();

    [GeneratedRegex(@"^(?:the|le|la|les|l['’]|el|los|las)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();
}
