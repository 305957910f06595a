namespace Portal.Data.Entities;

/// <summary>
/// A circulated document: one set of metadata shared by all its language versions. A joint
/// document (A/75/778–S/2021/177) is one row with several symbols and several sessions.
/// A document may have no symbol yet; its permalink is then <c>/documents/{Id}</c>.
/// </summary>
public class Document
{
    public int Id { get; set; }
    public DocumentKind Kind { get; set; }
    public Distribution Distribution { get; set; } = Distribution.General;
    public PublicationStatus Status { get; set; } = PublicationStatus.Draft;
    /// <summary>Date of issue as printed in the header; null when the source does not state it.</summary>
    public DateOnly? IssuedOn { get; set; }

    /// <summary>The date a communication carries ("Letter dated 30 March 2021").</summary>
    public DateOnly? DatedOn { get; set; }

    /// <summary>
    /// The date lists sort and filter by: the date of issue, else the date of the letter. Stored,
    /// not computed in queries, so the journal and every list can use an index.
    /// </summary>
    public DateOnly ListedOn { get; set; }

    /// <summary>Language code of the original, when the document states it ("Original: English").</summary>
    public string? OriginalLanguage { get; set; }

    /// <summary>Member state or entity that sent the communication, e.g. "Armenia".</summary>
    public string? Sender { get; set; }

    /// <summary>"Secretary-General", "President of the Security Council", ...</summary>
    public string? Addressee { get; set; }

    /// <summary>The catalogue title in English, as a library record gives it, even when no English version is held.</summary>
    public string? CatalogTitle { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>
    /// For a Restricted or Limited document: the day it becomes General. <c>ScheduledDerestriction</c> applies it
    /// (on every instance at once, exactly once) and clears it.
    /// </summary>
    public DateOnly? DerestrictOn { get; set; }

    /// <summary>
    /// When anything the API shows of this document last changed: metadata, symbols, sessions, agenda items,
    /// language versions and their texts, issued files, publication state, distribution. Set by
    /// <see cref="DocumentChangeStamps"/> on every save, so no change path can forget it; <c>changedSince</c> reads it.
    /// </summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>
    /// Whether the public could ever read it (published while General or Limited). A mirror told that a
    /// document it may no longer see was removed learns nothing new only if it could see it once.
    /// </summary>
    public bool EverPublic { get; set; }

    /// <summary>Counts the editors' saves; a save made from an older revision is refused (no lost updates).</summary>
    public int Revision { get; set; }

    public List<DocumentSymbol> Symbols { get; set; } = [];
    public List<DocumentSession> Sessions { get; set; } = [];
    public List<DocumentAgendaItem> AgendaItems { get; set; } = [];

    /// <summary>The sub-items ("79 (a)") it is circulated under; each item's is also in <see cref="AgendaItems"/>.</summary>
    public List<DocumentAgendaSubItem> AgendaSubItems { get; set; } = [];
    public List<LanguageVersion> LanguageVersions { get; set; } = [];
    public List<CrossReference> References { get; set; } = [];

    /// <summary>The member states a Restricted document is distributed to: their delegations see it.</summary>
    public List<DocumentMemberState> MemberStates { get; set; } = [];

    /// <summary>Call after changing <see cref="IssuedOn"/> or <see cref="DatedOn"/>; undated documents sort last.</summary>
    public void UpdateListedOn() => ListedOn = IssuedOn ?? DatedOn ?? DateOnly.MinValue;

    /// <summary>Replaces the symbols with the given ones, in order (joint documents have several).</summary>
    public void SetSymbols(IEnumerable<Domain.UnSymbol> symbols)
    {
        Symbols.Clear();
        foreach (var (symbol, position) in symbols.Select((s, i) => (s, i)))
        {
            Symbols.Add(new DocumentSymbol { Value = symbol.Value, Key = symbol.Key, Position = position });
        }
    }

    public void AddReference(ReferenceRelation relation, string targetSymbol)
    {
        var parsed = Domain.UnSymbol.ParseJoint(targetSymbol);
        if (parsed.Count == 0)
        {
            throw new ArgumentException($"'{targetSymbol}' is not a UN document symbol.", nameof(targetSymbol));
        }
        References.Add(new CrossReference
        {
            Relation = relation,
            TargetSymbol = Domain.UnSymbol.Join(parsed.Select(p => p.Value)),
            TargetKey = parsed[0].Key,
        });
    }
}

public class DocumentSymbol
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;

    /// <summary>Canonical spelling, e.g. <c>A/75/778/Corr.1</c>.</summary>
    public string Value { get; set; } = "";

    /// <summary>Case-folded canonical form; unique across the portal, used for every lookup.</summary>
    public string Key { get; set; } = "";

    /// <summary>Order in the header; 0 is the first symbol printed.</summary>
    public int Position { get; set; }
}

public class DocumentSession
{
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;
    public int SessionId { get; set; }
    public Session Session { get; set; } = null!;
}

public class DocumentAgendaItem
{
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;
    public int AgendaItemId { get; set; }
    public AgendaItem AgendaItem { get; set; } = null!;
    public int Position { get; set; }
}

/// <summary>A member state named on a Restricted document (its delegation may read it).</summary>
public class DocumentMemberState
{
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;

    /// <summary>As delegation accounts name it (<see cref="PortalUser.MemberState"/>), e.g. "Demoland".</summary>
    public string MemberState { get; set; } = "";
}
