using Portal.Catalogue;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Editing;

public enum EditOutcome
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
}

/// <summary>
/// What a save answers. <see cref="Errors"/> are keyed by the draft's field names ("Symbols",
/// "Versions[1].Title") so the form shows each next to its field; on a conflict, <see cref="Current"/>
/// is what the other editor saved, shown beside what this editor typed (which the form keeps).
/// </summary>
public sealed record EditResult(EditOutcome Outcome, int? DocumentId, int Revision, IReadOnlyDictionary<string, string> Errors, DocumentDraft? Current)
{
    public static EditResult Invalid(IReadOnlyDictionary<string, string> errors) => new(EditOutcome.Invalid, null, 0, errors, null);

    public static EditResult Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });

    public static EditResult NotFound { get; } = new(EditOutcome.NotFound, null, 0, new Dictionary<string, string>(), null);
}

/// <summary>A cited document as the editor sees it: held (<see cref="DocumentId"/> set) or not held.</summary>
public sealed record ReferenceTarget(int? DocumentId, string? Symbols, string? Title)
{
    public bool IsHeld => DocumentId is not null;
}

/// <summary>A document as the editor opens it.</summary>
public sealed record EditableDocument(int Id, int Revision, PublicationStatus Status, DocumentDraft Draft, IReadOnlyList<string> CorrectedBy);

/// <summary>
/// The Secretariat's changes to documents: register, save (refused when another editor saved first),
/// publish, withdraw, derestrict, and issue a corrigendum or revision. Each change and its audit entry
/// are saved together. Only Secretariat viewers get past the first line of each method.
/// </summary>
public sealed class DocumentEditor(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    public async Task<EditableDocument?> LoadAsync(Viewer editor, int id, CancellationToken cancellationToken = default)
    {
        RequireEditor(editor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await LoadDocumentAsync(db, id, cancellationToken);
        if (document is null)
        {
            return null;
        }
        var keys = document.Symbols.Select(s => s.Key).ToList();
        var correctedBy = await db.CrossReferences.Where(r => keys.Contains(r.TargetKey) && (r.Relation == ReferenceRelation.Corrects || r.Relation == ReferenceRelation.Revises))
            .SelectMany(r => r.SourceDocument.Symbols.Where(s => s.Position == 0).Select(s => s.Value)).ToListAsync(cancellationToken);
        return new EditableDocument(document.Id, document.Revision, document.Status, ToDraft(document), correctedBy);
    }

    /// <summary>
    /// What each cited symbol points at: the held document (its id, first symbol and title) or, when the
    /// portal holds none with that symbol, a target without an id ("not held"). Null for text that is no symbol.
    /// </summary>
    public async Task<IReadOnlyList<ReferenceTarget?>> ResolveReferencesAsync(Viewer editor, IReadOnlyList<string> symbols, CancellationToken cancellationToken = default)
    {
        RequireEditor(editor);
        var keys = symbols.Select(s => UnSymbol.ParseJoint(s) is { Count: > 0 } parsed ? parsed[0].Key : null).ToList();
        var wanted = keys.OfType<string>().Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var held = await db.DocumentSymbols.AsNoTracking().Where(s => wanted.Contains(s.Key))
            .Select(s => new
            {
                s.Key,
                s.DocumentId,
                Symbols = s.Document.Symbols.OrderBy(x => x.Position).Select(x => x.Value).ToList(),
                Title = s.Document.LanguageVersions.OrderBy(v => v.Language == "en" ? 0 : 1).Select(v => v.Title).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. keys.Select(key => key is null ? null
            : held.FirstOrDefault(h => h.Key == key) is { } h ? new ReferenceTarget(h.DocumentId, UnSymbol.Join(h.Symbols), h.Title) : new ReferenceTarget(null, null, null))];
    }

    public async Task<EditResult> RegisterAsync(Viewer editor, string? editorEmail, DocumentDraft draft, CancellationToken cancellationToken = default)
    {
        RequireEditor(editor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var document = new Document { Status = PublicationStatus.Draft, CreatedAt = now };
        var errors = await ApplyAsync(db, document, draft, now, cancellationToken);
        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        AuditLog.Record(db, editor, editorEmail, now, "register", document.Id, draft.Symbols, before: null, after: ToDraft(document));
        await db.SaveChangesAsync(cancellationToken);
        return new EditResult(EditOutcome.Saved, document.Id, document.Revision, new Dictionary<string, string>(), null);
    }

    public async Task<EditResult> SaveAsync(Viewer editor, string? editorEmail, int id, int revision, DocumentDraft draft, CancellationToken cancellationToken = default) =>
        await ChangeAsync(editor, editorEmail, id, revision, "save", async (db, document, now) => await ApplyAsync(db, document, draft, now, cancellationToken), cancellationToken);

    public Task<EditResult> PublishAsync(Viewer editor, string? editorEmail, int id, int revision, CancellationToken cancellationToken = default) =>
        ChangeAsync(editor, editorEmail, id, revision, "publish", (_, document, now) =>
        {
            if (document.LanguageVersions.Count == 0)
            {
                return Task.FromResult(Error("Versions", "A document needs at least one language version to be published."));
            }
            document.Status = PublicationStatus.Published;
            document.PublishedAt ??= now;
            return NoErrors;
        }, cancellationToken);

    public Task<EditResult> UnpublishAsync(Viewer editor, string? editorEmail, int id, int revision, CancellationToken cancellationToken = default) =>
        ChangeAsync(editor, editorEmail, id, revision, "unpublish", (_, document, _) =>
        {
            document.Status = PublicationStatus.Draft;
            return NoErrors;
        }, cancellationToken);

    public Task<EditResult> WithdrawAsync(Viewer editor, string? editorEmail, int id, int revision, CancellationToken cancellationToken = default) =>
        ChangeAsync(editor, editorEmail, id, revision, "withdraw", (_, document, _) =>
        {
            document.Status = PublicationStatus.Withdrawn;
            return NoErrors;
        }, cancellationToken);

    /// <summary>Restricted or Limited becomes General: the document opens to everyone once published.</summary>
    public Task<EditResult> DerestrictAsync(Viewer editor, string? editorEmail, int id, int revision, CancellationToken cancellationToken = default) =>
        ChangeAsync(editor, editorEmail, id, revision, "derestrict", (_, document, _) =>
        {
            if (document.Distribution == Distribution.General)
            {
                return Task.FromResult(Error("Distribution", "The document is already General."));
            }
            document.Distribution = Distribution.General;
            document.MemberStates.Clear();
            return NoErrors;
        }, cancellationToken);

    /// <summary>
    /// A new draft that corrects (<c>/Corr.N</c>) or revises (<c>/Rev.N</c>) the document: its symbols
    /// with the next free suffix, the same metadata and texts to edit, and a link to the original.
    /// </summary>
    public async Task<EditResult> IssueCorrectionAsync(Viewer editor, string? editorEmail, int id, ReferenceRelation relation, CancellationToken cancellationToken = default)
    {
        RequireEditor(editor);
        if (relation is not (ReferenceRelation.Corrects or ReferenceRelation.Revises))
        {
            throw new ArgumentOutOfRangeException(nameof(relation));
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var original = await LoadDocumentAsync(db, id, cancellationToken);
        if (original is null)
        {
            return EditResult.NotFound;
        }
        if (original.Symbols.Count == 0)
        {
            return EditResult.Invalid("Symbols", "A document without a symbol cannot be corrected by symbol: give it one first.");
        }
        var suffix = relation == ReferenceRelation.Corrects ? "Corr" : "Rev";
        var draft = ToDraft(original);
        // The new document cites its original (added below), not what the original cites.
        draft.References = [];
        for (var n = 1; n < 100; n++)
        {
            var candidates = original.Symbols.OrderBy(s => s.Position).Select(s => $"{s.Value}/{suffix}.{n}").ToList();
            var keys = candidates.Select(UnSymbol.KeyOf).ToList();
            if (!await db.DocumentSymbols.AnyAsync(s => keys.Contains(s.Key), cancellationToken))
            {
                draft.Symbols = UnSymbol.Join(candidates);
                break;
            }
        }
        var now = clock.GetUtcNow();
        var correction = new Document { Status = PublicationStatus.Draft, CreatedAt = now };
        var errors = await ApplyAsync(db, correction, draft, now, cancellationToken);
        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }
        correction.AddReference(relation, UnSymbol.Join(original.Symbols.OrderBy(s => s.Position).Select(s => s.Value)));
        db.Documents.Add(correction);
        await db.SaveChangesAsync(cancellationToken);
        AuditLog.Record(db, editor, editorEmail, now, relation == ReferenceRelation.Corrects ? "correct" : "revise", correction.Id, draft.Symbols,
            before: null, after: new { Of = original.Symbols.OrderBy(s => s.Position).Select(s => s.Value), Draft = ToDraft(correction) });
        await db.SaveChangesAsync(cancellationToken);
        return new EditResult(EditOutcome.Saved, correction.Id, correction.Revision, new Dictionary<string, string>(), null);
    }

    private static readonly Task<Dictionary<string, string>> NoErrors = Task.FromResult(new Dictionary<string, string>());

    private static Dictionary<string, string> Error(string field, string message) => new() { [field] = message };

    private async Task<EditResult> ChangeAsync(Viewer editor, string? editorEmail, int id, int revision, string action,
        Func<PortalDbContext, Document, DateTimeOffset, Task<Dictionary<string, string>>> change, CancellationToken cancellationToken)
    {
        RequireEditor(editor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await LoadDocumentAsync(db, id, cancellationToken);
        if (document is null)
        {
            return EditResult.NotFound;
        }
        if (document.Revision != revision)
        {
            return new EditResult(EditOutcome.Conflict, id, document.Revision, new Dictionary<string, string>(), ToDraft(document));
        }
        var before = ToDraft(document);
        var beforeState = new { document.Status, Draft = before };
        var now = clock.GetUtcNow();
        var errors = await change(db, document, now);
        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }
        document.Revision = revision + 1;
        AuditLog.Record(db, editor, editorEmail, now, action, id, string.Join(" – ", document.Symbols.OrderBy(s => s.Position).Select(s => s.Value)),
            beforeState, new { document.Status, Draft = ToDraft(document) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another editor saved between our read and our write.
            var current = await LoadAsync(editor, id, cancellationToken);
            return current is null ? EditResult.NotFound : new EditResult(EditOutcome.Conflict, id, current.Revision, new Dictionary<string, string>(), current.Draft);
        }
        return new EditResult(EditOutcome.Saved, id, document.Revision, new Dictionary<string, string>(), null);
    }

    private static Task<Document?> LoadDocumentAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        db.Documents
            .Include(d => d.Symbols)
            .Include(d => d.MemberStates)
            .Include(d => d.Sessions)
            .Include(d => d.AgendaItems).ThenInclude(a => a.AgendaItem).ThenInclude(a => a.Session)
            .Include(d => d.LanguageVersions).ThenInclude(v => v.Files)
            .Include(d => d.LanguageVersions).ThenInclude(v => v.Annexes)
            .Include(d => d.LanguageVersions).ThenInclude(v => v.Signatories)
            .Include(d => d.LanguageVersions).ThenInclude(v => v.Footnotes)
            .Include(d => d.References)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>Checks the draft and copies it onto the document; the errors say which field is wrong and why.</summary>
    private static async Task<Dictionary<string, string>> ApplyAsync(PortalDbContext db, Document document, DocumentDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var symbols = UnSymbol.ParseJoint(draft.Symbols);
        if (symbols.Count == 0)
        {
            errors[nameof(DocumentDraft.Symbols)] = $"“{InputEcho.Shorten(draft.Symbols)}” is not a UN document symbol (for example A/80/123 or A/80/123–S/2025/45).";
        }
        else
        {
            var keys = symbols.Select(s => s.Key).ToList();
            var taken = await db.DocumentSymbols.Where(s => keys.Contains(s.Key) && s.DocumentId != document.Id).Select(s => s.Value).ToListAsync(cancellationToken);
            if (taken.Count > 0)
            {
                errors[nameof(DocumentDraft.Symbols)] = $"{string.Join(", ", taken)} already belongs to another document.";
            }
        }
        var states = draft.MemberStateList();
        if (draft.Distribution == Distribution.Restricted && states.Count == 0)
        {
            errors[nameof(DocumentDraft.MemberStates)] = "Name the member states a Restricted document is distributed to.";
        }
        if (states.Any(s => s.Length > 100))
        {
            errors[nameof(DocumentDraft.MemberStates)] = "A member state's name has at most 100 characters.";
        }
        var items = new List<AgendaItem>();
        foreach (var key in draft.AgendaItemList())
        {
            var item = await FindAgendaItemAsync(db, key, cancellationToken);
            if (item is null)
            {
                errors[nameof(DocumentDraft.AgendaItems)] = $"There is no agenda item {InputEcho.Shorten(key)} (write them as GA/75/71 or SC/2021/1).";
            }
            else
            {
                items.Add(item);
            }
        }
        if (draft.Versions.Count == 0)
        {
            errors[nameof(DocumentDraft.Versions)] = "Add at least one language version.";
        }
        foreach (var (version, index) in draft.Versions.Select((v, i) => (v, i)))
        {
            if (!UnLanguage.TryParse(version.Language, out _))
            {
                errors[$"Versions[{index}].Language"] = "Choose one of the six official languages.";
            }
            else if (draft.Versions.Take(index).Any(v => v.Language == version.Language))
            {
                errors[$"Versions[{index}].Language"] = "This language has a version already.";
            }
            if (string.IsNullOrWhiteSpace(version.Title))
            {
                errors[$"Versions[{index}].Title"] = "Enter the title in this language.";
            }
            VersionContent.Validate(version, $"Versions[{index}]", errors);
        }
        VersionContent.ValidateReferences(draft.References, errors);
        var kept = draft.Versions.Select(v => v.Language).ToHashSet();
        foreach (var removed in document.LanguageVersions.Where(v => !kept.Contains(v.Language) && v.Files.Count > 0))
        {
            errors[nameof(DocumentDraft.Versions)] = $"The {UnLanguage.FromCode(removed.Language).EnglishName} version has files; it cannot be removed here.";
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        document.Kind = draft.Kind;
        document.Distribution = draft.Distribution;
        document.IssuedOn = draft.IssuedOn;
        document.DatedOn = draft.DatedOn;
        document.UpdateListedOn();
        document.OriginalLanguage = string.IsNullOrEmpty(draft.OriginalLanguage) ? null : draft.OriginalLanguage;
        document.Sender = Trimmed(draft.Sender);
        document.Addressee = Trimmed(draft.Addressee);
        if (!document.Symbols.Select(s => s.Value).SequenceEqual(symbols.Select(s => s.Value)))
        {
            document.SetSymbols(symbols);
        }
        document.MemberStates.RemoveAll(m => draft.Distribution != Distribution.Restricted || !states.Contains(m.MemberState));
        if (draft.Distribution == Distribution.Restricted)
        {
            document.MemberStates.AddRange(states.Where(s => document.MemberStates.All(m => m.MemberState != s)).Select(s => new DocumentMemberState { MemberState = s }));
        }
        document.AgendaItems.RemoveAll(a => items.All(i => i.Id != a.AgendaItemId));
        foreach (var (item, position) in items.Select((i, p) => (i, p)))
        {
            var link = document.AgendaItems.FirstOrDefault(a => a.AgendaItemId == item.Id);
            if (link is null)
            {
                document.AgendaItems.Add(new DocumentAgendaItem { AgendaItem = item, AgendaItemId = item.Id, Position = position });
            }
            else
            {
                link.Position = position;
            }
        }
        var sessionIds = items.Select(i => i.SessionId).Distinct().ToList();
        document.Sessions.RemoveAll(s => !sessionIds.Contains(s.SessionId));
        document.Sessions.AddRange(sessionIds.Where(id => document.Sessions.All(s => s.SessionId != id)).Select(id => new DocumentSession { SessionId = id }));
        document.LanguageVersions.RemoveAll(v => !kept.Contains(v.Language));
        foreach (var version in draft.Versions)
        {
            var existing = document.LanguageVersions.FirstOrDefault(v => v.Language == version.Language);
            if (existing is null)
            {
                existing = new LanguageVersion { Language = version.Language, Title = version.Title.Trim(), BodyMarkdown = version.Body, UpdatedAt = now };
                document.LanguageVersions.Add(existing);
                VersionContent.Write(db, existing, version);
            }
            else
            {
                var contentChanged = VersionContent.Write(db, existing, version);
                if (!contentChanged && existing.Title == version.Title.Trim() && existing.BodyMarkdown == version.Body)
                {
                    continue;
                }
                existing.Title = version.Title.Trim();
                existing.BodyMarkdown = version.Body;
                // Generated PDFs and text renditions compare against this.
                existing.UpdatedAt = now;
            }
        }
        VersionContent.WriteReferences(document, draft.References);
        return errors;
    }

    private static async Task<AgendaItem?> FindAgendaItemAsync(PortalDbContext db, string key, CancellationToken cancellationToken)
    {
        var parts = key.Split('/');
        if (parts.Length != 3 || !int.TryParse(parts[1], out var session) || !int.TryParse(parts[2], out var number))
        {
            return null;
        }
        return !SessionNames.TryParseSlug(parts[0], out var organ) ? null : await db.AgendaItems.Include(a => a.Session).FirstOrDefaultAsync(a => a.Session.Organ == organ && a.Session.Number == session && a.Number == number, cancellationToken);
    }

    internal static DocumentDraft ToDraft(Document document) => new()
    {
        Symbols = UnSymbol.Join(document.Symbols.OrderBy(s => s.Position).Select(s => s.Value)),
        Kind = document.Kind,
        Distribution = document.Distribution,
        MemberStates = string.Join(", ", document.MemberStates.Select(m => m.MemberState).Order(StringComparer.Ordinal)),
        IssuedOn = document.IssuedOn,
        DatedOn = document.DatedOn,
        OriginalLanguage = document.OriginalLanguage,
        Sender = document.Sender,
        Addressee = document.Addressee,
        AgendaItems = string.Join(", ", document.AgendaItems.OrderBy(a => a.Position).Where(a => a.AgendaItem is not null)
            .Select(a => $"{SessionNames.Slug(a.AgendaItem.Session.Organ).ToUpperInvariant()}/{a.AgendaItem.Session.Number}/{a.AgendaItem.Number}")),
        Versions = [.. document.LanguageVersions.OrderBy(v => UnLanguage.OrderOf(v.Language)).Select(ToVersionDraft)],
        References = [.. document.References.OrderBy(r => r.Id).Select(r => new ReferenceDraft { Relation = r.Relation, Symbol = r.TargetSymbol })],
    };

    private static VersionDraft ToVersionDraft(LanguageVersion version)
    {
        var draft = new VersionDraft { Language = version.Language, Title = version.Title, Body = version.BodyMarkdown };
        VersionContent.Read(version, draft);
        return draft;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void RequireEditor(Viewer editor)
    {
        if (!editor.IsSecretariat)
        {
            throw new UnauthorizedAccessException("Only Secretariat editors change documents.");
        }
    }
}

/// <summary>A document in the editors' list.</summary>
public sealed record ManagedDocumentRow(int Id, string Symbols, string? Title, PublicationStatus Status, Distribution Distribution, DateOnly ListedOn);

/// <summary>Every document, drafts and withdrawn ones included, for the editors' list.</summary>
public sealed class ManagedDocumentQueries(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<(IReadOnlyList<ManagedDocumentRow> Rows, int Total)> ListAsync(Viewer editor, string? search, PublicationStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!editor.IsSecretariat)
        {
            throw new UnauthorizedAccessException("Only Secretariat editors list every document.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Documents.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(d => d.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var key = UnSymbol.KeyOf(search);
            var term = search.Trim();
            query = query.Where(d => d.Symbols.Any(s => s.Key.StartsWith(key)) || d.LanguageVersions.Any(v => v.Title.Contains(term)));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(d => new
            {
                d.Id,
                Symbols = d.Symbols.OrderBy(s => s.Position).Select(s => s.Value).ToList(),
                Title = d.LanguageVersions.OrderBy(v => v.Language == "en" ? 0 : 1).Select(v => v.Title).FirstOrDefault(),
                d.Status,
                d.Distribution,
                d.ListedOn,
            })
            .ToListAsync(cancellationToken);
        return ([.. rows.Select(r => new ManagedDocumentRow(r.Id, UnSymbol.Join(r.Symbols), r.Title, r.Status, r.Distribution, r.ListedOn))], total);
    }
}
