using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Domain;

namespace CorpusGenerator;

/// <summary>
/// Fills a new SQLite database with a synthetic corpus for benchmarks: GA sessions 1–80 with
/// agenda items, Security Council and ECOSOC years, letters, notes verbales, reports and draft
/// resolutions with joint symbols, 2–6 language versions, annexes, signatories, footnotes, reply
/// threads and Corr./Add./Rev. documents. The schema comes from the app's own migrations; rows go in
/// through prepared statements built from <see cref="CorpusSchema"/> (which a test holds to the migrated
/// schema) in large transactions, and the search index is built once at the end (the per-row
/// triggers are dropped meanwhile and recreated afterwards).
/// </summary>
public sealed class SyntheticCorpusGenerator(TextWriter log)
{
    private const int IndexBatchSize = 2_000;
    private const int TextHashSize = 128 << 20;
    private const int FirstGaSession = 1;
    private const int LastGaSession = 80;
    private const int ItemsPerSession = 120;
    private const int BatchSize = 20_000;
    private static readonly string[] OriginalLanguages = ["en", "en", "en", "en", "en", "en", "fr", "fr", "es", "es", "ru", "ar", "zh"];
    private static readonly string[] Languages = ["ar", "zh", "en", "fr", "ru", "es"];

    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private readonly List<IndexRow> _pending = [];

    /// <summary>The titles of each agenda item, in the order they are inserted (the languages' order), for the documents' catalogue rows.</summary>
    private readonly Dictionary<int, List<string>> _agendaTitles = [];
    private readonly TextWriter _log = TextWriter.Synchronized(log);
    private Random _random = new(1);
    private int _annexId;
    private int _signatoryId;
    private int _footnoteId;
    private int _referenceId;
    private int _symbolId;
    private int _versionId;

    public async Task GenerateAsync(string databasePath, int documentCount, int seed, CancellationToken cancellationToken = default)
    {
        _random = new Random(seed);
        var total = Stopwatch.StartNew();
        // The file is only renamed into place when complete, so an interrupted run leaves no usable-looking database.
        var partial = databasePath + ".partial";
        var rowsPath = databasePath + ".rows";
        File.Delete(partial);
        File.Delete(rowsPath);

        // Both files get their schema from the portal's own migrations, so the result is current.
        await using var connection = await OpenAsync(partial, cancellationToken);
        await using var rows = await OpenAsync(rowsPath, cancellationToken);

        // Two cores, two writers: this thread generates the documents and writes their rows to a side
        // file while another feeds their text to the FTS5 table of the real file. SQLite has one
        // writer per file, and the index is most of the work. The rows are copied over at the end.
        var queue = Channel.CreateBounded<IndexRow[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var indexer = Task.Factory.StartNew(() => IndexAsync(connection, queue.Reader, documentCount, total, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

        try
        {
            var transaction = rows.BeginTransaction();
            Prepare(rows, transaction);
            var state = new GeneratorState(InsertSessions(), documentCount, seed);
            _log.WriteLine($"Sessions and agenda items written ({total.Elapsed.TotalSeconds:F0} s). Writing {documentCount:N0} documents…");
            for (var id = 1; id <= documentCount; id++)
            {
                WriteDocument(id, state);
                if (_pending.Count >= IndexBatchSize || id == documentCount)
                {
                    await queue.Writer.WriteAsync(_pending.ToArray(), cancellationToken);
                    _pending.Clear();
                }
                if (id % BatchSize == 0 || id == documentCount)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    cancellationToken.ThrowIfCancellationRequested();
                    _log.WriteLine($"  written {id:N0} / {documentCount:N0} documents, {_versionId:N0} language versions ({id / total.Elapsed.TotalSeconds:N0} documents/s)");
                    transaction = rows.BeginTransaction();
                    foreach (var command in _commands.Values)
                    {
                        command.Transaction = transaction;
                    }
                }
            }
            transaction.Commit();
            transaction.Dispose();
        }
        finally
        {
            queue.Writer.TryComplete();
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }
        }
        await rows.CloseAsync();
        _log.WriteLine($"Documents written ({total.Elapsed.TotalSeconds:F0} s); waiting for the search index…");
        await indexer;

        var step = Stopwatch.StartNew();
        var tables = await CopyRowsAsync(connection, rowsPath, cancellationToken);
        File.Delete(rowsPath);
        _log.WriteLine($"Rows copied into the database in {step.Elapsed.TotalSeconds:F0} s. Merging the index segments…");

        step.Restart();
        await ExecuteAsync(connection, """
            INSERT INTO SearchIndex(SearchIndex) VALUES('optimize');
            INSERT INTO SearchIndex(SearchIndex, rank) VALUES('hashsize', 1048576);
            INSERT INTO SearchIndex(SearchIndex, rank) VALUES('automerge', 4);
            """);
        _log.WriteLine($"  merged in {step.Elapsed.TotalSeconds:F0} s. Listing the index's words…");
        step.Restart();
        await ExecuteAsync(connection, SqliteSearchSchema.FillWords);
        _log.WriteLine($"  listed in {step.Elapsed.TotalSeconds:F0} s. Restoring the index triggers and analysing…");
        await ExecuteAsync(connection, SqliteSearchSchema.CreateTriggers);
        // Statistics for the tables the portal queries with SQL, in full (2 s at a million documents); a plain
        // ANALYZE would also count the rows of the FTS5 shadow tables, reading most of the multi-gigabyte file once
        // more. Sampled statistics (analysis_limit 2000) told the planner 2,001 documents per status out of a
        // million, and it sorted the whole catalogue for the API's list instead of walking the primary key.
        await ExecuteAsync(connection, "PRAGMA analysis_limit = 0; " + string.Concat(tables.Select(t => $"ANALYZE \"{t}\"; ")) + "PRAGMA journal_mode = DELETE;");
        await connection.CloseAsync();

        File.Move(partial, databasePath, overwrite: false);
        _log.WriteLine($"Done: {documentCount:N0} documents, {_versionId:N0} language versions in {databasePath} ({new FileInfo(databasePath).Length / 1_048_576.0:N0} MB, {total.Elapsed.TotalMinutes:F1} min).");
    }

    private static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(SqliteSearchFunctions.Interceptor)
            .Options;
        await using (var db = new SqlitePortalDbContext(options))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        SqliteSearchFunctions.Register(connection);
        await ExecuteAsync(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        // No per-row indexing while loading: the index is fed in bulk, and the copied rows must not trigger it again.
        await ExecuteAsync(connection, SqliteSearchSchema.DropTriggers);
        return connection;
    }

    /// <summary>
    /// Feeds the FTS5 tables with the same text the triggers would index (<see cref="SqliteSearchSchema"/>:
    /// title, body, and annexes, footnotes and signatory names as "Extra", in their index form; the tags of <see cref="SearchTags"/>).
    /// A test checks the result against a rebuild done by the schema's own SQL.
    /// </summary>
    private async Task IndexAsync(SqliteConnection connection, ChannelReader<IndexRow[]> queue, int documentCount, Stopwatch total, CancellationToken cancellationToken)
    {
        // FTS5 flushes its in-memory term lists to a new segment whenever they pass "hashsize" (1 MB by
        // default) and merges segments four at a time as it goes ("automerge"), rewriting the index
        // again and again as it grows. For the bulk load: large flushes, merges only when a level holds
        // 16 segments ("crisismerge"), and one 'optimize' at the end. The defaults are restored then.
        await ExecuteAsync(connection, $"""
            INSERT INTO SearchIndex(SearchIndex, rank) VALUES('hashsize', {TextHashSize});
            INSERT INTO SearchIndex(SearchIndex, rank) VALUES('automerge', 0);
            """);
        using var transaction = connection.BeginTransaction();
        using var insert = Command(connection, transaction, "INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags) VALUES ($id, $title, $body, $extra, $tags)");
        var indexed = 0;
        var documents = 0;
        var reported = 0;
        await foreach (var batch in queue.ReadAllAsync(cancellationToken))
        {
            foreach (var row in batch)
            {
                Run(insert, row.RowId, row.Title, row.Body, row.Extra, row.Tags);
                indexed++;
                documents = SearchTags.DocumentOf(row.RowId);
            }
            if (documents - reported >= BatchSize || documents == documentCount)
            {
                reported = documents;
                _log.WriteLine($"  indexed {documents:N0} / {documentCount:N0} documents, {indexed:N0} index rows ({documents / total.Elapsed.TotalSeconds:N0} documents/s)");
            }
        }
        transaction.Commit();
    }

    private async Task<List<string>> CopyRowsAsync(SqliteConnection connection, string rowsPath, CancellationToken cancellationToken)
    {
        await using (var attach = connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $path AS rows";
            attach.Parameters.AddWithValue("$path", rowsPath);
            await attach.ExecuteNonQueryAsync(cancellationToken);
        }
        // The tables the generator declares (CorpusSchema); the FTS5 tables were filled in place.
        var tables = CorpusSchema.Filled.Select(t => t.Name).ToList();
        await using (var transaction = connection.BeginTransaction())
        {
            foreach (var table in tables)
            {
                var step = Stopwatch.StartNew();
                await using var copy = connection.CreateCommand();
                copy.Transaction = transaction;
                copy.CommandTimeout = 0;
                // Same migrations, same column order; the names come from the side file's own catalogue.
                copy.CommandText = $"INSERT INTO main.\"{table}\" SELECT * FROM rows.\"{table}\"";
                var count = await copy.ExecuteNonQueryAsync(cancellationToken);
                _log.WriteLine($"  copied {count:N0} rows of {table} ({step.Elapsed.TotalSeconds:F0} s)");
            }
            await transaction.CommitAsync(cancellationToken);
        }
        await ExecuteAsync(connection, "DETACH DATABASE rows");
        return tables;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A language version's text as the search index takes it, folded on the generating thread so the
    /// indexing thread (the slower of the two) only feeds SQLite.
    /// </summary>
    private sealed record IndexRow(long RowId, string Title, string Body, string Extra, string Tags)
    {
        public static IndexRow Create(long rowId, string title, string body, string extra, string tags) =>
            new(rowId, SearchText.IndexForm(title), SearchText.IndexForm(body), SearchText.IndexForm(extra), tags);
    }

    private sealed record SessionRef(int Id, Organ Organ, int Number, DateOnly StartsOn, int[] AgendaItemIds, int[] AgendaItemNumbers);

    private sealed class GeneratorState(List<SessionRef> sessions, int documentCount, int seed)
    {
        public List<SessionRef> Ga { get; } = sessions.Where(s => s.Organ == Organ.GeneralAssembly).OrderBy(s => s.Number).ToList();

        /// <summary>
        /// The GA session (an index into <see cref="Ga"/>) and the day within it of every document, drawn up front and sorted,
        /// so that document ids grow with dates as a catalogue's do: it registers documents as they are issued, and the
        /// search takes the highest ids for the newest. Later sessions hold more documents, as they do in reality.
        /// </summary>
        public (int Session, int Day)[] Calendar { get; } = DrawCalendar(sessions.Count(s => s.Organ == Organ.GeneralAssembly), documentCount, seed);

        private static (int Session, int Day)[] DrawCalendar(int gaSessions, int documentCount, int seed)
        {
            var random = new Random(seed);
            var calendar = new (int Session, int Day)[documentCount];
            for (var i = 0; i < documentCount; i++)
            {
                calendar[i] = ((int)(gaSessions * Math.Sqrt(random.NextDouble())), random.Next(360));
            }
            Array.Sort(calendar);
            return calendar;
        }

        public Dictionary<int, SessionRef> ScByYear { get; } = sessions.Where(s => s.Organ == Organ.SecurityCouncil).ToDictionary(s => s.Number);
        public Dictionary<int, SessionRef> EcosocByYear { get; } = sessions.Where(s => s.Organ == Organ.EconomicAndSocialCouncil).ToDictionary(s => s.Number);
        public Dictionary<string, int> Counters { get; } = [];

        /// <summary>Recent documents that later ones reply to or correct; a bounded window keeps memory flat.</summary>
        public List<string> Recent { get; } = [];

        public int Next(string series) => Counters[series] = Counters.GetValueOrDefault(series) + 1;

        public void Remember(string symbol, Random random)
        {
            if (Recent.Count < 5_000)
            {
                Recent.Add(symbol);
            }
            else
            {
                Recent[random.Next(Recent.Count)] = symbol;
            }
        }
    }

    private List<SessionRef> InsertSessions()
    {
        var sessions = new List<SessionRef>();
        var sessionId = 0;
        var itemId = 0;
        for (var number = FirstGaSession; number <= LastGaSession; number++)
        {
            var starts = new DateOnly(1945 + number, 9, 15);
            Insert(CorpusSchema.Sessions, ++sessionId, (int)Organ.GeneralAssembly, number, Date(starts), Date(starts.AddYears(1).AddDays(-1)));
            var ids = new int[ItemsPerSession];
            var numbers = new int[ItemsPerSession];
            for (var i = 0; i < ItemsPerSession; i++)
            {
                Insert(CorpusSchema.AgendaItems, ++itemId, sessionId, i + 1);
                ids[i] = itemId;
                numbers[i] = i + 1;
                _agendaTitles[itemId] = [];
                foreach (var language in CorpusLanguage.All)
                {
                    var title = language.AgendaItemTitle.Replace("{topic}", language.Topics[i % language.Topics.Length]);
                    Insert(CorpusSchema.AgendaItemTitles, itemId, language.Code, title);
                    _agendaTitles[itemId].Add(title);
                }
            }
            sessions.Add(new SessionRef(sessionId, Organ.GeneralAssembly, number, starts, ids, numbers));
        }
        foreach (var organ in new[] { Organ.SecurityCouncil, Organ.EconomicAndSocialCouncil })
        {
            for (var year = 1946; year <= 2025; year++)
            {
                var starts = new DateOnly(year, 1, 1);
                Insert(CorpusSchema.Sessions, ++sessionId, (int)organ, year, Date(starts), Date(new DateOnly(year, 12, 31)));
                sessions.Add(new SessionRef(sessionId, organ, year, starts, [], []));
            }
        }
        return sessions;
    }

    private void Prepare(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (var table in CorpusSchema.Filled)
        {
            _commands[table.Name] = Command(connection, transaction, table.InsertSql);
        }
    }

    private void Insert(CorpusTable table, params object?[] values) => Run(_commands[table.Name], values);

    private void WriteDocument(int id, GeneratorState state)
    {
        var roll = _random.NextDouble();
        var (gaIndex, day) = state.Calendar[id - 1];
        var ga = state.Ga[gaIndex];
        var date = ga.StartsOn.AddDays(day);
        var sessions = new List<SessionRef>();
        var symbols = new List<string>();
        var kind = DocumentKind.Letter;
        var distribution = Distribution.General;
        var status = _random.NextDouble() < 0.003 ? PublicationStatus.Draft : PublicationStatus.Published;
        var topic = _random.Next(16);
        var itemIds = new List<int>();
        ReferenceRelation? relation = null;
        string? target = null;

        if (roll < 0.68)
        {
            sessions.Add(ga);
            var kindRoll = _random.NextDouble();
            kind = kindRoll < 0.55 ? DocumentKind.Letter : kindRoll < 0.72 ? DocumentKind.NoteVerbale : kindRoll < 0.88 ? DocumentKind.Report : DocumentKind.DraftResolution;
            if (kind == DocumentKind.DraftResolution)
            {
                var committee = 1 + _random.Next(6);
                symbols.Add($"A/C.{committee}/{ga.Number}/L.{state.Next($"A/C.{committee}/{ga.Number}/L")}");
                distribution = Distribution.Limited;
            }
            else if (_random.NextDouble() < 0.005)
            {
                symbols.Add($"A/{ga.Number}/R.{state.Next($"A/{ga.Number}/R")}");
                distribution = Distribution.Restricted;
            }
            else
            {
                symbols.Add($"A/{ga.Number}/{state.Next($"A/{ga.Number}")}");
            }
            var first = _random.Next(ItemsPerSession);
            itemIds.Add(ga.AgendaItemIds[first]);
            topic = first % 16;
            if (_random.NextDouble() < 0.3)
            {
                var second = (first + 1 + _random.Next(ItemsPerSession - 1)) % ItemsPerSession;
                itemIds.Add(ga.AgendaItemIds[second]);
            }
        }
        else if (roll < 0.78)
        {
            // Joint GA–SC letter, circulated to both.
            var sc = state.ScByYear[Math.Clamp(date.Year, 1946, 2025)];
            sessions.Add(ga);
            sessions.Add(sc);
            symbols.Add($"A/{ga.Number}/{state.Next($"A/{ga.Number}")}");
            symbols.Add($"S/{sc.Number}/{state.Next($"S/{sc.Number}")}");
            var first = _random.Next(ItemsPerSession);
            itemIds.Add(ga.AgendaItemIds[first]);
            topic = first % 16;
        }
        else if (roll < 0.94)
        {
            var sc = state.ScByYear[Math.Clamp(date.Year, 1946, 2025)];
            sessions.Add(sc);
            symbols.Add($"S/{sc.Number}/{state.Next($"S/{sc.Number}")}");
            kind = _random.NextDouble() < 0.8 ? DocumentKind.Letter : DocumentKind.Report;
        }
        else
        {
            var ecosoc = state.EcosocByYear[Math.Clamp(date.Year, 1946, 2025)];
            sessions.Add(ecosoc);
            symbols.Add($"E/{ecosoc.Number}/{state.Next($"E/{ecosoc.Number}")}");
            kind = DocumentKind.Report;
        }

        // Corrigenda, addenda and revisions of a recent document take its symbol with a suffix.
        if (state.Recent.Count > 0 && symbols.Count == 1 && distribution == Distribution.General && _random.NextDouble() < 0.06)
        {
            var parentIndex = _random.Next(state.Recent.Count);
            var parent = state.Recent[parentIndex];
            state.Recent.RemoveAt(parentIndex);
            var (suffix, rel) = _random.Next(3) switch
            {
                0 => ("Corr.1", ReferenceRelation.Corrects),
                1 => ("Add.1", ReferenceRelation.AddsTo),
                _ => ("Rev.1", ReferenceRelation.Revises),
            };
            symbols[0] = $"{parent}/{suffix}";
            relation = rel;
            target = parent;
        }
        else if (kind is DocumentKind.Letter or DocumentKind.NoteVerbale && state.Recent.Count > 0 && _random.NextDouble() < 0.15)
        {
            relation = ReferenceRelation.RepliesTo;
            target = state.Recent[_random.Next(state.Recent.Count)];
        }

        var stateIndex = _random.Next(8);
        var original = kind == DocumentKind.Report ? "en" : OriginalLanguages[_random.Next(OriginalLanguages.Length)];
        var english = CorpusLanguage.Get("en");
        var catalogTitle = Title(english, kind, stateIndex, topic, date);
        var organName = sessions[0].Organ == Organ.SecurityCouncil ? "Security Council" : sessions[0].Organ == Organ.EconomicAndSocialCouncil ? "Economic and Social Council" : "General Assembly";
        var issued = date.AddDays(_random.Next(1, 20));

        var sender = kind is DocumentKind.Letter or DocumentKind.NoteVerbale or DocumentKind.DraftResolution ? english.States[stateIndex] : null;
        Insert(CorpusSchema.Documents, id, (int)kind, (int)distribution, (int)status, Date(issued),
            kind is DocumentKind.Letter or DocumentKind.NoteVerbale ? Date(date) : null, Date(issued), original,
            sender,
            kind is DocumentKind.Letter or DocumentKind.NoteVerbale ? "Secretary-General" : null,
            catalogTitle, Timestamp(issued), status == PublicationStatus.Published ? Timestamp(issued) : null, 0,
            ChangeStamp(issued), status == PublicationStatus.Published && distribution != Distribution.Restricted);
        for (var i = 0; i < symbols.Count; i++)
        {
            var symbol = UnSymbol.Parse(symbols[i]);
            Insert(CorpusSchema.DocumentSymbols, ++_symbolId, id, symbol.Value, symbol.Key, i);
            if (i == 0 && symbol.SuffixKind == SymbolSuffixKind.None && distribution == Distribution.General)
            {
                state.Remember(symbol.Value, _random);
            }
        }
        foreach (var session in sessions)
        {
            Insert(CorpusSchema.DocumentSessions, id, session.Id);
        }
        for (var i = 0; i < itemIds.Count; i++)
        {
            Insert(CorpusSchema.DocumentAgendaItems, id, itemIds[i], i);
        }
        if (relation is { } r && target is not null)
        {
            Insert(CorpusSchema.CrossReferences, ++_referenceId, id, (int)r, target, UnSymbol.KeyOf(target));
        }

        // The catalogue row: the catalogue title, and the agenda items' titles in every language (SqliteSearchSchema.InsertCatalogue).
        _pending.Add(IndexRow.Create(SearchTags.CatalogueRowId(id), catalogTitle, "", string.Join('\n', itemIds.SelectMany(i => _agendaTitles[i])),
            SearchTags.Of(null, status, distribution, kind, sender, issued, sessions.Select(s => s.Id), sessions.Select(s => s.Organ), itemIds, [])));
        var itemNumber = itemIds.Count > 0 ? ((itemIds[0] - 1) % ItemsPerSession + 1).ToString(CultureInfo.InvariantCulture) : "—";
        foreach (var code in PickLanguages(original))
        {
            var tags = SearchTags.Of(code, status, distribution, kind, sender, issued, sessions.Select(s => s.Id), sessions.Select(s => s.Organ), itemIds, []);
            WriteVersion(id, CorpusLanguage.Get(code), kind, stateIndex, topic, date, issued, organName, itemNumber, code == original, tags);
        }
    }

    private IEnumerable<string> PickLanguages(string original)
    {
        var roll = _random.NextDouble();
        if (roll < 0.3)
        {
            return Languages;
        }
        // Two or three versions: the original, English, and perhaps one more.
        var chosen = new List<string> { original };
        var count = roll < 0.7 ? 2 : 3;
        if (original != "en")
        {
            chosen.Add("en");
        }
        while (chosen.Count < count)
        {
            var other = Languages[_random.Next(Languages.Length)];
            if (!chosen.Contains(other))
            {
                chosen.Add(other);
            }
        }
        return chosen;
    }

    private void WriteVersion(int documentId, CorpusLanguage language, DocumentKind kind, int stateIndex, int topicIndex, DateOnly date, DateOnly issued,
        string organ, string item, bool isOriginal, string tags)
    {
        var versionId = ++_versionId;
        var state = language.States[stateIndex];
        var topic = language.Topics[topicIndex];
        var body = new StringBuilder(4096);
        if (kind is DocumentKind.Letter or DocumentKind.NoteVerbale)
        {
            body.Append(Fill(language.Opening, state, topic, date)).Append("\n\n");
        }
        var paragraphs = kind == DocumentKind.Report ? 6 + _random.Next(8) : 2 + _random.Next(4);
        Paragraphs(body, language, state, topic, date, paragraphs);
        var footnotes = _random.NextDouble() < 0.2;
        if (footnotes)
        {
            body.Append("[^1]");
        }
        if (kind is DocumentKind.Letter or DocumentKind.NoteVerbale)
        {
            body.Append("\n\n").Append(language.Closing.Replace("{organ}", organ).Replace("{item}", item));
        }
        var job = $"{date.Year % 100:D2}-{_random.Next(100_000):D5} ({char.ToUpperInvariant(language.Code[0])})";
        var title = Title(language, kind, stateIndex, topicIndex, date);
        var text = body.ToString();
        Insert(CorpusSchema.LanguageVersions, versionId, documentId, language.Code, title, text,
            Date(issued.AddDays(isOriginal ? 0 : _random.Next(0, 10))), Timestamp(issued), job);

        // What SqliteSearchSchema's SQL gathers as "Extra": annexes, then footnotes, then signatory names.
        var annexText = "";
        var footnoteText = "";
        var names = new List<string>(2);
        var name = $"{language.GivenNames[stateIndex % language.GivenNames.Length]} {language.FamilyNames[(stateIndex + topicIndex) % language.FamilyNames.Length]}";
        if (kind == DocumentKind.Letter)
        {
            Insert(CorpusSchema.Signatories, ++_signatoryId, versionId, null, 0, name, language.SignatoryFunction, 1);
            names.Add(name);
        }
        if (footnotes)
        {
            footnoteText = Fill(language.Footnote, state, topic, date);
            Insert(CorpusSchema.Footnotes, ++_footnoteId, versionId, 1, footnoteText, "[\"https://example.org/synthetic\"]");
        }
        if (kind == DocumentKind.Letter && _random.NextDouble() < 0.4)
        {
            var annexId = ++_annexId;
            var annex = new StringBuilder(2048);
            Paragraphs(annex, language, state, topic, date, 2 + _random.Next(3));
            var heading = Fill(language.AnnexHeading, state, topic, date);
            var annexBody = annex.ToString();
            Insert(CorpusSchema.Annexes, annexId, versionId, 1, heading, null, annexBody);
            annexText = heading + "\n\n" + annexBody;
            if (_random.NextDouble() < 0.5)
            {
                Insert(CorpusSchema.Signatories, ++_signatoryId, versionId, annexId, 1, name, null, 1);
                names.Add(name);
            }
        }
        _pending.Add(IndexRow.Create(SearchTags.RowId(documentId, language.Code), title, text, annexText + "\n" + footnoteText + "\n" + string.Join('\n', names), tags));
    }

    private void Paragraphs(StringBuilder text, CorpusLanguage language, string state, string topic, DateOnly date, int count)
    {
        for (var p = 0; p < count; p++)
        {
            var sentences = 2 + _random.Next(4);
            for (var s = 0; s < sentences; s++)
            {
                text.Append(Fill(language.Sentences[_random.Next(language.Sentences.Length)], state, topic, date));
                if (language.Code != "zh")
                {
                    text.Append(' ');
                }
            }
            text.Append("\n\n");
        }
    }

    private static string Title(CorpusLanguage language, DocumentKind kind, int stateIndex, int topicIndex, DateOnly date)
    {
        var template = kind switch
        {
            DocumentKind.Letter => language.LetterTitle,
            DocumentKind.NoteVerbale => language.NoteTitle,
            DocumentKind.DraftResolution => language.ResolutionTitle,
            _ => language.ReportTitle,
        };
        return Fill(template, language.States[stateIndex], language.Topics[topicIndex], date);
    }

    private static string Fill(string template, string state, string topic, DateOnly date) =>
        template.Replace("{state}", state).Replace("{topic}", topic).Replace("{date}", Date(date));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The format EF Core's SQLite provider writes DateTimeOffset values in.
    /// <summary>Documents.ChangedAt as the portal stores it (a 64-bit number, see DocumentConfiguration), at the same instant as <see cref="Timestamp"/>.</summary>
    private static long ChangeStamp(DateOnly date) =>
        new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter()
            .ConvertToProviderTyped(new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 09:00:00+00:00";

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+").Select(m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        if (values.Length != command.Parameters.Count)
        {
            throw new InvalidOperationException($"{values.Length} values for the {command.Parameters.Count} parameters of: {command.CommandText}");
        }
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }
}
