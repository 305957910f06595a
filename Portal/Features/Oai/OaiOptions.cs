namespace Portal.Features.Oai;

/// <summary>The OAI-PMH repository's settings, section <c>Portal:Oai</c>.</summary>
public sealed class OaiOptions
{
    public const string SectionName = "Portal:Oai";

    /// <summary>Records (or headers) per ListRecords / ListIdentifiers answer; a resumption token fetches the next ones.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>The address harvesters write to about the repository (Identify's adminEmail).</summary>
    public string AdminEmail { get; set; } = "documents@un.example";

    /// <summary>Identify's repositoryName.</summary>
    public string RepositoryName { get; set; } = "UN Documents Portal";

    public bool IsValid() => PageSize is >= 1 and <= 1000 && AdminEmail.Contains('@', StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(RepositoryName);
}
