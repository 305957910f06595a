using System.Text;
using System.Text.RegularExpressions;
using Portal.Domain;

namespace Portal.Features.Ingestion;

/// <summary>
/// Proposes a document record from the text of a UN document. The header is looked for wherever it is
/// (mirrors and archives put site text before it), the title line after it, then the body is cleaned of
/// page furniture and split into the letter and its annexes.
/// </summary>
public static partial class DocumentExtractor
{
    private const double Sure = 0.95;
    private const double Likely = 0.8;
    private const double Derived = 0.65;
    private const double Weak = 0.4;

    public static ProposedRecord Extract(IngestedText input)
    {
        var text = IngestionText.Normalize(string.Join("\n", input.Pages));
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        var confidence = new Dictionary<string, double>();

        var anchor = lines.FindIndex(l => HeaderRules.IsHeaderAnchor(l));
        var titleIndex = FindTitle(lines, anchor);
        var titleEnd = titleIndex;
        string? title = null;
        if (titleIndex >= 0)
        {
            (title, titleEnd) = MergeWrapped(lines, titleIndex, TitleLineRules.Continues);
        }
        var headerFrom = anchor >= 0 ? Math.Max(0, anchor - 4) : Math.Max(0, titleIndex - 30);
        var headerTo = titleIndex >= 0 ? titleIndex : Math.Min(lines.Count, headerFrom + 40);
        if (anchor > titleIndex && titleIndex >= 0)
        {
            headerFrom = Math.Max(0, titleIndex - 30);
        }
        var headerLines = lines.GetRange(headerFrom, Math.Max(0, headerTo - headerFrom));
        var header = string.Join("\n", headerLines);
        var hasHeader = anchor >= 0 && anchor < headerTo;

        // Own symbols: those printed in the header, else a running header repeated on the pages.
        var ownGroups = SymbolScanner.GroupJoint(header, SymbolScanner.Scan(header));
        IReadOnlyList<string>? symbols = null;
        if (ownGroups.Count > 0)
        {
            symbols = ownGroups[0].Select(h => h.Symbol.Value).ToList();
            confidence["symbols"] = hasHeader ? Sure : Likely;
        }
        else if (RunningHeaderSymbols(lines) is { Count: > 0 } running)
        {
            symbols = running;
            confidence["symbols"] = Derived;
        }
        confidence.TryAdd("symbols", 0);
        var own = new HashSet<string>((symbols ?? []).Select(UnSymbol.KeyOf));

        var distribution = HeaderRules.Distribution(header);
        var issued = HeaderRules.IssueDate(header);
        var original = HeaderRules.OriginalLanguage(header);
        Set(confidence, "distribution", distribution, Sure);
        Set(confidence, "date", issued, Likely);
        Set(confidence, "original_language", original, Sure);

        // "session" is the General Assembly's: a subsidiary body's own session ("Human Rights Council, Forty-sixth
        // session", A/HRC/46/1) is not proposed as one.
        var generalAssembly = HeaderRules.NamesGeneralAssembly(header) || SessionFromSymbols(symbols) is not null;
        var session = generalAssembly ? HeaderRules.Session(header) : null;
        var scYear = HeaderRules.SecurityCouncilYear(header);
        Set(confidence, "session", session, Sure);
        Set(confidence, "sc_year", scYear, Sure);
        if (session is null && SessionFromSymbols(symbols) is { } fromSymbol)
        {
            session = fromSymbol;
            confidence["session"] = Derived;
        }
        if (scYear is null && CouncilYearFromSymbols(symbols) is { } yearFromSymbol)
        {
            scYear = yearFromSymbol;
            confidence["sc_year"] = Derived;
        }

        var (agendaItems, agendaConfidence) = AgendaItems(lines, headerFrom, headerTo);
        confidence["agenda_items"] = agendaConfidence;

        var kind = title is null ? null : TitleLineRules.Kind(title);
        Set(confidence, "kind", kind, Sure);
        Set(confidence, "title", title, title is not null && kind is not null ? Sure : Derived);
        var letterDate = kind is TitleLineRules.Letter or TitleLineRules.IdenticalLetters or TitleLineRules.NoteVerbale && title is not null
            ? DocumentDates.First(title)
            : null;
        Set(confidence, "letter_date", letterDate, Sure);
        var parties = title is null ? new TitleLineRules.Parties(null, null) : TitleLineRules.SenderAndAddressee(title);
        var addressee = TitleLineRules.CanonicalAddressee(parties.Addressee);
        Set(confidence, "addressee", addressee, TitleLineRules.IsKnownAddressee(parties.Addressee) ? Sure : Derived);

        // Body: everything after the title line (or the header), without page furniture.
        var bodyFrom = titleIndex >= 0 ? titleEnd + 1 : headerTo;
        var repeated = PageFurniture.RepeatedLines(lines);
        var body = lines.Skip(bodyFrom)
            .Where(l => !PageFurniture.IsFurniture(l) && !repeated.Contains(l.Trim()) && !IsOwnSymbolLine(l, own))
            .ToList();

        var language = TextLanguage.Detect(string.Join("\n", body.Count > 0 ? body : lines));
        var languageCode = language?.Language.Code;
        Set(confidence, "language", languageCode, language?.Confidence ?? 0);

        var sections = SplitSections(body);
        var mainSignatories = WithFallbackTitle(SignatureRules.Find(sections[0].Lines, languageCode), parties.Sender);
        var annexes = sections.Skip(1)
            .Select(s => new ProposedAnnex(s.Title, WithFallbackTitle(SignatureRules.Find(s.Lines, languageCode), s.Title is null ? null : TitleLineRules.SenderAndAddressee(s.Title).Sender)))
            .ToList();
        confidence["signatories"] = mainSignatories.Count > 0 ? (mainSignatories.All(s => s.Title is not null) ? Likely : Derived) : (kind == TitleLineRules.NoteVerbale ? Likely : Weak);
        confidence["annexes"] = annexes.Count > 0 ? Likely : Derived;

        var sender = CountryNames.Find(parties.Sender) ?? OfficeName(parties.Sender);
        var senderConfidence = sender is not null ? Sure : parties.Sender is not null ? Weak : 0;
        if (sender is null && sections.Skip(1).Select(s => CountryNames.Find(s.Heading)).FirstOrDefault(c => c is not null) is { } fromAnnex)
        {
            // Some letters name the country only in the annex heading ("Annex to the letter from the Permanent Representative of …").
            sender = fromAnnex;
            senderConfidence = Derived;
        }
        sender ??= parties.Sender;
        confidence["sender"] = senderConfidence;

        var footnoteLines = new HashSet<int>();
        var footnotes = FootnoteRules.Find(body, footnoteLines);
        var footnoteCount = input.FootnotePartCount ?? footnotes.Count;
        confidence["footnote_count"] = input.FootnotePartCount is not null ? Sure : footnotes.Count > 0 ? Likely : Derived;

        var (referenced, repliesTo) = References(lines.Skip(bodyFrom).ToList(), own);
        confidence["referenced_symbols"] = Likely;
        confidence["replies_to"] = repliesTo.Count > 0 ? Likely : Derived;

        return new ProposedRecord
        {
            Symbols = symbols,
            Distribution = distribution,
            Date = issued,
            OriginalLanguage = original,
            Language = languageCode,
            Session = session,
            ScYear = scYear,
            AgendaItems = agendaItems,
            Kind = kind,
            Title = title,
            LetterDate = letterDate,
            Sender = sender,
            Addressee = addressee,
            Signatories = mainSignatories,
            Annexes = annexes,
            FootnoteCount = footnoteCount,
            ReferencedSymbols = referenced,
            RepliesTo = repliesTo,
            Confidence = confidence,
            Body = ProposedBodyMarkdown.Build(sections, footnotes, footnoteLines, body, input.LinesAreParagraphs),
            Footnotes = footnotes,
        };
    }

    private static void Set<T>(Dictionary<string, double> confidence, string field, T? value, double sure) =>
        confidence[field] = value is null ? 0 : sure;

    private static int FindTitle(List<string> lines, int anchor)
    {
        var from = anchor >= 0 ? anchor : 0;
        var to = Math.Min(lines.Count, from + (anchor >= 0 ? 80 : 150));
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = from; i < to; i++)
            {
                var start = TitleLineRules.TitleStart(lines[i]);
                if (start < 0 || AnnexRules.IsHeading(lines[i]))
                {
                    continue;
                }
                if (start > 0)
                {
                    // A header flattened onto the title's line: split it off.
                    lines.Insert(i + 1, lines[i][start..]);
                    lines[i] = lines[i][..start];
                    return i + 1;
                }
                return i;
            }
            // No title after the header-like line: it may have been a stray mention; search from the top.
            from = 0;
            to = Math.Min(lines.Count, 150);
        }
        return -1;
    }

    /// <summary>Joins a line with the lines that continue it (blank lines of double-spaced text skipped).</summary>
    private static (string Text, int End) MergeWrapped(IReadOnlyList<string> lines, int start, Func<string, string, bool> continues)
    {
        var parts = new List<string> { lines[start] };
        var end = start;
        for (var taken = 0; taken < 4; taken++)
        {
            var next = end + 1;
            while (next < lines.Count && next <= end + 2 && lines[next].Trim().Length == 0)
            {
                next++;
            }
            if (next >= lines.Count || lines[next].Trim().Length == 0 || !continues(IngestionText.JoinWrapped(parts), lines[next]))
            {
                break;
            }
            parts.Add(lines[next]);
            end = next;
        }
        return (IngestionText.JoinWrapped(parts), end);
    }

    private static IReadOnlyList<string> RunningHeaderSymbols(IReadOnlyList<string> lines)
    {
        var candidates = lines.Select(l => l.Trim())
            .Where(l => l.Length is > 2 and < 60)
            .Select(l => (Line: l, Hits: SymbolScanner.Scan(l)))
            .Where(x => x.Hits.Count > 0 && SymbolOnly().IsMatch(x.Line))
            .GroupBy(x => x.Line)
            .Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count())
            .FirstOrDefault();
        return candidates is null ? [] : candidates.First().Hits.Select(h => h.Symbol.Value).ToList();
    }

    private static bool IsOwnSymbolLine(string line, HashSet<string> own)
    {
        var t = line.Trim();
        if (own.Count == 0 || t.Length == 0 || !SymbolOnly().IsMatch(t))
        {
            return false;
        }
        var hits = SymbolScanner.Scan(t);
        return hits.Count > 0 && hits.All(h => own.Contains(h.Symbol.Key));
    }

    private static int? SessionFromSymbols(IReadOnlyList<string>? symbols)
    {
        // A/75/778, A/C.3/75/L.12, A/RES/75/1 carry the Assembly's session; A/HRC/46/1 a subsidiary body's.
        var m = symbols?.Select(s => AssemblySessionSymbol().Match(s)).FirstOrDefault(m => m.Success);
        return m is not null && int.TryParse(m.Groups[1].Value, out var session) ? session : null;
    }

    private static int? CouncilYearFromSymbols(IReadOnlyList<string>? symbols)
    {
        var sc = symbols?.FirstOrDefault(s => s.StartsWith("S/", StringComparison.Ordinal));
        var parts = sc?.Split('/');
        // Security Council documents are numbered by calendar year since 1946; their "year" counts from 1946 as the first.
        return parts is { Length: >= 3 } && int.TryParse(parts[1], out var year) && year is > 1945 and < 2200 ? year - 1945 : null;
    }

    private static (IReadOnlyList<ProposedAgendaItem> Items, double Confidence) AgendaItems(IReadOnlyList<string> lines, int from, int to)
    {
        var found = HeaderRules.FindAgendaItems(lines, from, to);
        if (found is null)
        {
            return ([], Derived);
        }
        // The titles follow the item numbers, on the same line when the header was flattened, up to the
        // next organ name that starts a session or year ("Security Council / Seventy-sixth year").
        var tail = new List<string> { HeaderRules.TitleAfterAgendaList(lines[found.LineIndex]) ?? "" };
        for (var i = found.LineIndex + 1; i < to; i++)
        {
            var t = lines[i].Trim();
            if (PageFurniture.IsFurniture(t) || SymbolScanner.Scan(t).Count > 0 || DocumentDates.First(t) is not null && t.Length < 40)
            {
                continue;
            }
            tail.Add(t);
        }
        var joined = string.Join("\n", tail);
        joined = joined[..HeaderRules.AgendaTitlesEnd(joined)];
        var titleLines = joined.Split('\n').Select(t => t.Trim().TrimEnd('*').Trim()).Where(t => t.Length > 0 && !HeaderRules.IsHeaderAnchor(t)).ToList();
        var merged = new List<string>();
        foreach (var line in titleLines)
        {
            if (merged.Count > 0 && ContinuesAgendaTitle(merged[^1], line))
            {
                merged[^1] = IngestionText.JoinWrapped([merged[^1], line]);
            }
            else
            {
                merged.Add(line);
            }
        }
        var items = found.Items;
        if (merged.Count == items.Count)
        {
            return (items.Select((it, k) => new ProposedAgendaItem(it.Number, it.SubItem, merged[k])).ToList(), Sure);
        }
        if (items.Count == 1 && merged.Count > 1)
        {
            return ([new ProposedAgendaItem(items[0].Number, items[0].SubItem, string.Join(": ", merged))], Derived);
        }
        return (items.Select(it => new ProposedAgendaItem(it.Number, it.SubItem, null)).ToList(), Likely);
    }

    private static bool ContinuesAgendaTitle(string previous, string next) =>
        char.IsLower(next[0]) || AgendaConnector().IsMatch(previous);

    private static IReadOnlyList<ProposedSignatory> WithFallbackTitle(IReadOnlyList<ProposedSignatory> found, string? senderPhrase) =>
        found.Count == 1 && found[0].Title is null && senderPhrase is not null
            ? [found[0] with { Title = senderPhrase }]
            : found;

    private static string? OfficeName(string? phrase)
    {
        var canonical = TitleLineRules.CanonicalAddressee(phrase);
        return canonical != phrase ? canonical : null;
    }

    public sealed record Section(string? Heading, string? Title, IReadOnlyList<string> Lines, int Start);

    private static List<Section> SplitSections(IReadOnlyList<string> body)
    {
        var sections = new List<Section>();
        var start = 0;
        string? heading = null;
        string? title = null;
        var contentStart = 0;
        for (var i = 0; i < body.Count; i++)
        {
            if (!AnnexRules.IsHeading(body[i]) || AnnexRules.IsEnclosure(body[i]))
            {
                continue;
            }
            sections.Add(new Section(heading, title, body.Skip(contentStart).Take(i - contentStart).ToList(), contentStart));
            // "Annex to the letter dated … from the Permanent Representative of …" wraps like a title line.
            var (headingText, headingEnd) = MergeWrapped(body, i, (h, n) => BareAnnexHeading().IsMatch(h) ? char.IsLower(n.Trim()[0]) : TitleLineRules.Continues(h, n));
            heading = headingText;
            title = null;
            contentStart = headingEnd + 1;
            var next = headingEnd + 1;
            while (next < body.Count && body[next].Trim().Length == 0)
            {
                next++;
            }
            if (next < body.Count && !AnnexRules.IsHeading(body[next]) && !SignatureRules.HasMarker(body[next]))
            {
                // The annex's own title: a letter's title line, or a short line that does not end a sentence
                // ("Statement by the Ministry of Foreign Affairs of …").
                var isTitleLine = TitleLineRules.TitleStart(body[next]) == 0;
                var (annexTitle, titleEnd) = MergeWrapped(body, next, isTitleLine ? TitleLineRules.Continues : (t, n) => char.IsLower(n.Trim()[0]) && !SignatureRules.HasMarker(n));
                if (isTitleLine || (annexTitle.Length <= 250 && !SentenceEnds().IsMatch(annexTitle) && titleEnd + 1 < body.Count))
                {
                    title = annexTitle;
                    contentStart = titleEnd + 1;
                }
            }
            title ??= heading;
            i = contentStart - 1;
            start = i;
        }
        sections.Add(new Section(heading, title, body.Skip(contentStart).ToList(), contentStart));
        _ = start;
        return sections;
    }

    private static (IReadOnlyList<string> Referenced, IReadOnlyList<string> RepliesTo) References(IReadOnlyList<string> bodyLines, HashSet<string> own)
    {
        var flat = IngestionText.JoinWrapped(bodyLines.Where(l => !PageFurniture.IsUrlOnly(l) || l.Contains("undocs", StringComparison.OrdinalIgnoreCase)));
        var groups = SymbolScanner.GroupJoint(flat, SymbolScanner.Scan(flat))
            .Select(g => (Index: g[0].Index, Symbols: g.Where(h => !own.Contains(h.Symbol.Key)).Select(h => h.Symbol.Value).ToList()))
            .Where(g => g.Symbols.Count > 0)
            .ToList();
        var referenced = groups.SelectMany(g => g.Symbols).Distinct().ToList();
        var replies = new List<string>();
        // "In reply to the letter (A/…)" or "the letter (A/…) and, in response, …": the cited document
        // nearest to the cue in the same sentence is the one replied to.
        foreach (Match cue in ReplyCue().Matches(flat))
        {
            var (start, end) = Sentence(flat, cue.Index);
            var nearest = groups.Where(g => g.Index >= start && g.Index < end)
                .OrderBy(g => Math.Abs(g.Index - cue.Index))
                .Select(g => g.Symbols)
                .FirstOrDefault();
            foreach (var symbol in nearest ?? [])
            {
                if (!replies.Contains(symbol))
                {
                    replies.Add(symbol);
                }
            }
        }
        return (referenced, replies);
    }

    private static (int Start, int End) Sentence(string text, int index)
    {
        var start = index;
        while (start > 0 && index - start < 400 && !IsSentenceEnd(text, start - 1))
        {
            start--;
        }
        var end = index;
        while (end < text.Length && end - index < 400 && !IsSentenceEnd(text, end))
        {
            end++;
        }
        return (start, end);
    }

    // A full stop ends a sentence when a space (or a footnote marker and a space) follows and a word or a
    // bracket precedes it: the dots inside "Rev.1", "A/RES/75/1" or "a.i." do not.
    private static bool IsSentenceEnd(string text, int i)
    {
        if (text[i] is '。' or '!' or '?' or ';' or '؛')
        {
            return true;
        }
        if (text[i] != '.' || i == 0 || !(char.IsLower(text[i - 1]) || text[i - 1] is ')' or '"' or '”'))
        {
            return false;
        }
        var next = i + 1;
        while (next < text.Length && char.IsDigit(text[next]) && next - i <= 3)
        {
            next++;
        }
        return next >= text.Length || char.IsWhiteSpace(text[next]);
    }

    [GeneratedRegex(@"^A/(?:(?:C\.\d|RES|DEC|INF|BUR)/)?(\d{1,3})/")]
    private static partial Regex AssemblySessionSymbol();

    [GeneratedRegex(@"^(?:Annex(?:e)?|Anexo|Приложение|المرفق|مرفق|附件)(?:\s+[IVXLC\d]+)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BareAnnexHeading();

    [GeneratedRegex(@"[.。:;!?]$")]
    private static partial Regex SentenceEnds();

    [GeneratedRegex(@"^[A-Z]{1,6}(?:\s*/\s*[A-Za-z0-9.]+)+\*?(?:\s*[-–—]?\s*[A-Z]{1,6}(?:\s*/\s*[A-Za-z0-9.]+)+\*?)*$")]
    private static partial Regex SymbolOnly();

    [GeneratedRegex(@"(?:\b(?:and|of|the|for|on|to|in|et|de|des|du|la|le|pour|y|del|en|los|las|и|в|по|о)|,|、|和|与|及|并|:|و)$", RegexOptions.IgnoreCase)]
    private static partial Regex AgendaConnector();

    [GeneratedRegex(@"\b(?:repl(?:y|ies|ying)|respon(?:se|d|ds|ding)|in\s+answer\s+to|rebut|r[ée]ponse|r[ée]pond\p{L}*|respuesta|respond\p{L}*|responder|contestaci[óo]n|ответ\p{L}*|отвеча\p{L}*)\b|رد[اًا]?\s|ردًا|ردا|回应|答复|函复|回复|驳斥", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyCue();
}
