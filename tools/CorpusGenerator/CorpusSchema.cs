namespace CorpusGenerator;

/// <summary>
/// One table the generator fills: the columns its INSERT names, in the order the generator passes the
/// values, and the columns it leaves to SQLite (NULL, or a rowid SQLite assigns).
/// </summary>
public sealed record CorpusTable(string Name, string[] Written, string[] LeftOut)
{
    /// <summary>The generator's prepared statement; each value is a parameter named after its column.</summary>
    public string InsertSql =>
        $"INSERT INTO \"{Name}\" ({string.Join(", ", Written.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Written.Select(c => "$" + c))})";
}

/// <summary>
/// The generator's copy of the schema. It writes rows with its own INSERTs (EF would be ten times slower
/// for a million documents), so it has to know every table and column of the migrated database:
/// <c>Portal.Tests.Data.SyntheticCorpusTests</c> compares these lists with the schema the migrations
/// create, and a migration that adds a table or a column fails there until the generator has been
/// taught to fill it or told to leave it, rather than producing a corpus that is quietly incomplete.
/// The search index (FTS5 tables) follows <c>SqliteSearchSchema</c> and is checked by its own tests.
/// </summary>
public static class CorpusSchema
{
    public static readonly CorpusTable Sessions = new("Sessions", ["Id", "Organ", "Number", "StartsOn", "EndsOn"], []);
    public static readonly CorpusTable AgendaItems = new("AgendaItems", ["Id", "SessionId", "Number"], []);
    public static readonly CorpusTable AgendaItemTitles = new("AgendaItemTitles", ["AgendaItemId", "Language", "Title"], ["Id"]);

    public static readonly CorpusTable Documents = new("Documents",
        ["Id", "Kind", "Distribution", "Status", "IssuedOn", "DatedOn", "ListedOn", "OriginalLanguage", "Sender", "Addressee", "CatalogTitle", "CreatedAt", "PublishedAt", "Revision", "ChangedAt", "EverPublic"], ["DerestrictOn"]);

    public static readonly CorpusTable DocumentSymbols = new("DocumentSymbols", ["Id", "DocumentId", "Value", "Key", "Position"], []);
    public static readonly CorpusTable DocumentSessions = new("DocumentSessions", ["DocumentId", "SessionId"], []);
    public static readonly CorpusTable DocumentAgendaItems = new("DocumentAgendaItems", ["DocumentId", "AgendaItemId", "Position"], []);

    public static readonly CorpusTable LanguageVersions = new("LanguageVersions",
        ["Id", "DocumentId", "Language", "Title", "BodyMarkdown", "ReleasedOn", "UpdatedAt", "JobNumber"], []);

    // Annexes are one level deep and footnotes belong to the body, never to an annex.
    public static readonly CorpusTable Annexes = new("Annexes", ["Id", "LanguageVersionId", "Position", "Heading", "Title", "BodyMarkdown"], ["ParentAnnexId"]);
    public static readonly CorpusTable Signatories = new("Signatories", ["Id", "LanguageVersionId", "AnnexId", "Position", "Name", "Function", "Signed"], []);
    public static readonly CorpusTable Footnotes = new("Footnotes", ["Id", "LanguageVersionId", "Number", "TextMarkdown", "Urls"], ["AnnexId"]);
    public static readonly CorpusTable CrossReferences = new("CrossReferences", ["Id", "SourceDocumentId", "Relation", "TargetSymbol", "TargetKey"], []);

    /// <summary>Every table the generator fills, in the order they are copied into the finished file.</summary>
    public static IReadOnlyList<CorpusTable> Filled { get; } =
    [
        Sessions, AgendaItems, AgendaItemTitles, Documents, DocumentSymbols, DocumentSessions, DocumentAgendaItems,
        LanguageVersions, Annexes, Signatories, Footnotes, CrossReferences,
    ];

    /// <summary>The portal's tables a generated corpus leaves empty on purpose, and why.</summary>
    public static IReadOnlyDictionary<string, string> LeftEmpty { get; } = new Dictionary<string, string>
    {
        ["StoredFiles"] = "no document files: pages render the Markdown bodies; file downloads are benchmarked by benchmarks/downloads.sh",
        ["FileStoreKeys"] = "no document files, so no keys put into the file store",
        ["DownloadCounts"] = "nothing has been downloaded from a new corpus",
        ["AuditEntries"] = "a generated corpus has no editing history",
        ["DocumentMemberStates"] = "Restricted documents name no member state: only the Secretariat sees them",
        ["AspNetUsers"] = "no accounts: the corpus measures reading and search, which the public does without one",
        ["AspNetRoles"] = "the portal creates its roles at start-up",
        ["AspNetUserRoles"] = "no accounts",
        ["AspNetUserClaims"] = "no accounts",
        ["AspNetUserLogins"] = "no accounts",
        ["AspNetUserTokens"] = "no accounts",
        ["AspNetRoleClaims"] = "roles carry no claims",
        ["DataProtectionKeys"] = "the portal creates its Data Protection key ring on first use",
        ["AlertSubscriptions"] = "nobody has subscribed to alerts in a new corpus",
        ["AlertPublications"] = "a generated corpus is loaded, not published through the editor",
        ["AlertMatches"] = "no subscriptions, so nothing matched",
        ["AlertMessages"] = "no alert has been sent",
        ["ApiTokens"] = "no accounts, so no API tokens",
        ["IngestionBatches"] = "a generated corpus is loaded, not ingested from files",
        ["IngestionFiles"] = "a generated corpus is loaded, not ingested from files",
        ["BulkDumps"] = "the portal writes its first bulk dump once it runs on the corpus",
        ["JobLeases"] = "no job has run yet",
        ["AgendaSubItems"] = "the generator circulates documents under whole agenda items",
        ["DocumentAgendaSubItems"] = "the generator circulates documents under whole agenda items",
        ["TextCitations"] = "the generator writes texts with its own INSERTs; `reindex` finds the symbols they cite",
    };

    /// <summary>Tables of <see cref="LeftEmpty"/> that the portal fills itself once it runs on a corpus.</summary>
    public static IReadOnlySet<string> FilledByThePortal { get; } = new HashSet<string> { "AspNetRoles", "DataProtectionKeys", "BulkDumps", "JobLeases" };
}
