namespace Portal.Data.Entities;

/// <summary>Where one uploaded file is on its way from raw bytes to a reviewed draft.</summary>
public enum IngestionFileStatus
{
    /// <summary>Stored, waiting for the background worker to read it.</summary>
    Pending = 1,

    /// <summary>Read: a proposed record waits for an editor's review.</summary>
    Extracted = 2,

    /// <summary>The file could not be read; <see cref="IngestionFile.Error"/> says why.</summary>
    Failed = 3,

    /// <summary>An editor reviewed it and registered it as a draft document (<see cref="IngestionFile.DocumentId"/>).</summary>
    Accepted = 4,
}

/// <summary>Files an editor uploaded together (one or many, or the contents of a ZIP).</summary>
public class IngestionBatch
{
    public int Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The editor's e-mail address (the account's user name).</summary>
    public string? CreatedBy { get; set; }

    public List<IngestionFile> Files { get; set; } = [];
}

/// <summary>
/// One uploaded file of a batch. Its bytes are in the file store under <see cref="Sha256"/> from the upload on,
/// so a restart loses nothing; the worker claims a pending row with a lease (<see cref="LeaseOwner"/>,
/// <see cref="LeaseUntil"/>), reads it, and writes the proposal only while it still holds the lease, so each
/// file is processed once however many instances run.
/// </summary>
public class IngestionFile
{
    public int Id { get; set; }
    public int BatchId { get; set; }
    public IngestionBatch Batch { get; set; } = null!;

    /// <summary>Its place in the batch (the order of the upload, a ZIP's entries in order).</summary>
    public int Position { get; set; }
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Length { get; set; }
    public IngestionFileStatus Status { get; set; } = IngestionFileStatus.Pending;

    /// <summary>Why the file could not be read (for <see cref="IngestionFileStatus.Failed"/>).</summary>
    public string? Error { get; set; }

    /// <summary>The reader that read it: pdf, docx or text.</summary>
    public string? Format { get; set; }

    /// <summary>The extractor's proposal as the command line prints it (snake_case JSON, with confidences).</summary>
    public string? ProposalJson { get; set; }

    /// <summary>The proposal as an editable <c>DocumentDraft</c> (JSON), what the review screen starts from.</summary>
    public string? DraftJson { get; set; }

    /// <summary>The text the reader got, page by page, shown beside the proposal.</summary>
    public List<string> Pages { get; set; } = [];

    /// <summary>How many times a worker claimed the file (1 when all went well).</summary>
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>The document this file became (accepted) or already is (the same bytes were registered before).</summary>
    public int? DocumentId { get; set; }
}
