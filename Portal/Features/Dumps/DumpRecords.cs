namespace Portal.Features.Dumps;

// The shapes of the bulk dump: one DumpDocument per line, camelCase JSON. Links are absolute, on the portal's
// address (Portal:PublicBaseUrl, PublicUrls), so a mirror can fetch every file from the dump alone; kinds,
// distributions and relations are the API's lower-case words. Add fields, never rename or remove them.

/// <summary>A public document with its metadata, language versions and the files issued with them.</summary>
public sealed record DumpDocument(
    int Id,
    IReadOnlyList<string> Symbols,
    string Kind,
    string Distribution,
    DateOnly? IssuedOn,
    DateOnly? DatedOn,
    string? OriginalLanguage,
    string? Sender,
    string? Addressee,
    string Title,
    DateTimeOffset ChangedAt,
    IReadOnlyList<string> Sessions,
    IReadOnlyList<string> AgendaItems,
    IReadOnlyList<DumpVersion> Versions,
    IReadOnlyList<DumpReference> References,
    string Permalink);

public sealed record DumpVersion(string Language, string Title, DateOnly? ReleasedOn, string? JobNumber, string Permalink, IReadOnlyList<DumpFile> Files);

/// <summary>A file as issued (not a rendition made from the text), with its download URL.</summary>
public sealed record DumpFile(string Format, string MediaType, long Size, string Sha256, string Url);

public sealed record DumpReference(string Relation, string Symbol);

/// <summary>What <c>/api/v1/dumps</c> says of a dump: where it is, its SHA-256, size and record count.</summary>
public sealed record DumpManifest(string Url, string Sha256, long Bytes, int Records, DateTimeOffset WrittenAt, string Format);

public sealed record DumpList(DumpManifest? Latest, IReadOnlyList<DumpManifest> Dumps);
