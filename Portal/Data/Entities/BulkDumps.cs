namespace Portal.Data.Entities;

/// <summary>
/// A finished bulk dump of the public catalogue: a gzip JSON Lines blob in the document file store (its key is
/// its SHA-256). The newest row is "latest"; the row is written only after the blob is stored whole, so a
/// failed or interrupted write never replaces the dump before it.
/// </summary>
public class BulkDump
{
    public long Id { get; set; }

    /// <summary>SHA-256 of the gzip file (lower-case hex), also its key in the file store.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Size of the gzip file in bytes.</summary>
    public long Length { get; set; }

    /// <summary>Lines (documents) in the file.</summary>
    public int RecordCount { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime WrittenAt { get; set; }

    /// <summary>"nightly", or who asked for it.</summary>
    public string Trigger { get; set; } = "";
}

/// <summary>
/// A job only one instance may run at a time: the instance whose conditional UPDATE takes a free (or expired)
/// lease runs it; the others see the row taken and leave it.
/// </summary>
public class JobLease
{
    /// <summary>The job's name (<c>bulk-dump</c>).</summary>
    public string Name { get; set; } = "";

    public string? Owner { get; set; }

    public DateTime? Until { get; set; }
}
