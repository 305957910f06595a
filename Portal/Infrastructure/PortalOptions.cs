using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure;

/// <summary>The <c>Portal</c> configuration section.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>Folder for the SQLite database and stored files; relative paths resolve against the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// Apply pending EF migrations at start-up. Off unless asked for (appsettings.Development.json asks, so
    /// `dotnet run` gives a working portal in one command); in Production the operator runs <c>migrate</c>,
    /// and the portal refuses to start on a database with pending migrations.
    /// </summary>
    public bool ApplyMigrationsAtStartup { get; set; }

    /// <summary>
    /// Load the demo documents into a new, empty database (and an empty file store). Off unless
    /// asked for (appsettings.Development.json asks); refused in Production, where an empty database
    /// means a lost one, not a new one.
    /// </summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// The portal's public address (<c>https://documents.example.org</c>, with a path if it is served
    /// under one), for canonical links and the permalinks shown on document pages. Unset, they are
    /// built from the request's scheme and host.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Documents per page in lists, unless the visitor asks for another page size.</summary>
    [Range(5, 200)]
    public int PageSize { get; set; } = 25;

    /// <summary>
    /// How many matching language versions a search reads from the full-text index, newest first,
    /// before it stops and counts "at least" (see BENCHMARKS.md, Search): the bound that keeps a
    /// common word as cheap on a million documents as on ten thousand.
    /// </summary>
    [Range(100, 100_000)]
    public int SearchMatchLimit { get; set; } = DefaultSearchMatchLimit;

    public const int DefaultSearchMatchLimit = 1_000;

    /// <summary>
    /// The Chromium that prints generated PDFs. Defaults to the PORTAL_CHROMIUM environment variable
    /// (which the test script sets), else Debian's /usr/bin/chromium.
    /// </summary>
    public string? ChromiumPath { get; set; } = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
}

/// <summary>The <c>Portal:FileSweep</c> section: the limits that keep the orphan sweep from emptying the store.</summary>
public sealed class FileSweepOptions
{
    public const string SectionName = "Portal:FileSweep";

    /// <summary>Unreferenced files younger than this are kept: an upload writes its bytes before its row.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The largest share of the store one pass may delete. A pass that finds more unreferenced files
    /// deletes none and logs an error: so many orphans mean a lost or old database, not garbage.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MaxDeleteShare { get; set; } = 0.05;

    /// <summary>Time between passes (the first runs at start-up).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}

public enum DatabaseProvider
{
    Sqlite,

    /// <summary>Configured as <c>PostgreSQL</c> (configuration binds enum names case-insensitively).</summary>
    PostgreSql,
}
