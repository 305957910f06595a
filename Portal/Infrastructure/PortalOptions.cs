using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure;

/// <summary>The <c>Portal</c> configuration section.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>Folder for the SQLite database and stored files; relative paths resolve against the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>Apply pending EF migrations at start-up. On by default so one command gives a working portal.</summary>
    public bool ApplyMigrationsAtStartup { get; set; } = true;

    /// <summary>Load the demo documents when the database holds no document at all.</summary>
    public bool SeedDemoData { get; set; } = true;

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

public enum DatabaseProvider
{
    Sqlite,
}
