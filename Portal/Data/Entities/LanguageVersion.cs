using Portal.Domain;

namespace Portal.Data.Entities;

/// <summary>
/// One language version of a document: its title, its Markdown body and everything that is
/// translated with it (annexes, signature blocks, footnotes), and the files issued for it.
/// </summary>
public class LanguageVersion
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;
    public string Language { get; set; } = UnLanguage.English.Code;
    public string Title { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    /// <summary>When this language version was released; null when not known.</summary>
    public DateOnly? ReleasedOn { get; set; }

    /// <summary>Bumped on every edit of the text; generated renditions compare against it.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Job number printed in the footer, e.g. "21-04512 (C)".</summary>
    public string? JobNumber { get; set; }

    public List<Annex> Annexes { get; set; } = [];
    public List<Signatory> Signatories { get; set; } = [];
    public List<Footnote> Footnotes { get; set; } = [];
    public List<StoredFile> Files { get; set; } = [];
}

/// <summary>
/// An annex (or, with a <see cref="ParentAnnexId"/>, an enclosure of an annex). Annexes are
/// numbered by <see cref="Position"/>; the same position across language versions is the same annex.
/// </summary>
public class Annex
{
    public int Id { get; set; }
    public int LanguageVersionId { get; set; }
    public LanguageVersion LanguageVersion { get; set; } = null!;
    public int? ParentAnnexId { get; set; }
    public Annex? ParentAnnex { get; set; }
    public int Position { get; set; }

    /// <summary>The heading as printed, e.g. "Annex to the letter dated ...".</summary>
    public string Heading { get; set; } = "";

    /// <summary>The annex's own title, e.g. the title of the letter it reproduces.</summary>
    public string? Title { get; set; }
    public string BodyMarkdown { get; set; } = "";

    public List<Annex> Enclosures { get; set; } = [];
}

/// <summary>A signature block on the letter itself (no annex) or on an annex.</summary>
public class Signatory
{
    public int Id { get; set; }
    public int LanguageVersionId { get; set; }
    public int? AnnexId { get; set; }
    public Annex? Annex { get; set; }
    public int Position { get; set; }

    /// <summary>The name exactly as the document writes it, in its script.</summary>
    public string Name { get; set; } = "";

    /// <summary>Title and function lines as printed, one per line ("Ambassador\nPermanent Representative").</summary>
    public string? Function { get; set; }

    /// <summary>The block carries "(Signed)"; notes verbales are unsigned.</summary>
    public bool Signed { get; set; } = true;
}

/// <summary>
/// A footnote, numbered as the document numbers it. Bodies mark the call with <c>[^N]</c>.
/// </summary>
public class Footnote
{
    public int Id { get; set; }
    public int LanguageVersionId { get; set; }
    public int? AnnexId { get; set; }
    public Annex? Annex { get; set; }
    public int Number { get; set; }
    public string TextMarkdown { get; set; } = "";
    public List<string> Urls { get; set; } = [];
}
