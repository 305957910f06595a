using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Documents;
using Portal.Features.Editing;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Documents;

/// <summary>
/// A symbol a document cites only in its text (body, annex or footnote) makes it "refer to" the cited document:
/// the citation table is written with every save that changes a text, feeds the cited document's "referred to by"
/// list and the "not held" page of a symbol the portal does not hold, follows the access rules, and is rebuilt for
/// data saved before it existed.
/// </summary>
public abstract class TextCitationTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : TextCitationTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : TextCitationTests(DatabaseProvider.PostgreSql);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DocumentDraft Letter(string symbol, string body, string? annex = null, string? footnote = null,
        Distribution distribution = Distribution.General, string? states = null)
    {
        var version = new VersionDraft { Language = "en", Title = $"Letter {symbol}", Body = body };
        if (annex is not null)
        {
            version.Annexes.Add(new AnnexDraft { Heading = "Annex", Body = annex });
        }
        if (footnote is not null)
        {
            version.Footnotes.Add(new FootnoteDraft { Number = 1, Text = footnote });
        }
        return new DocumentDraft
        {
            Symbols = symbol,
            Distribution = distribution,
            MemberStates = states,
            IssuedOn = new DateOnly(2025, 10, 1),
            AgendaItems = "GA/75/71",
            Versions = [version],
        };
    }

    private static async Task<EditResult> RegisterAsync(DocumentEditor editor, DocumentDraft draft, bool publish = true)
    {
        var registered = await editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", draft, Cancel);
        Assert.True(registered.Outcome == EditOutcome.Saved, string.Join("; ", registered.Errors.Values));
        return publish ? await editor.PublishAsync(Viewers.Secretariat, "editor@un.example", registered.DocumentId!.Value, registered.Revision, Cancel) : registered;
    }

    private static async Task<List<string>> CitedByAsync(TestDatabase database, int id)
    {
        await using var db = database.CreateDbContext();
        return await db.TextCitations.Where(c => c.SourceDocumentId == id).OrderBy(c => c.TargetKey).Select(c => c.TargetSymbol).ToListAsync(Cancel);
    }

    [Fact]
    public async Task EverySaveThatChangesATextRewritesItsCitations()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var editor = new DocumentEditor(database, TimeProvider.System);

        var saved = await RegisterAsync(editor, Letter("A/75/9101", "We refer to A/75/9102 and again to a/75/9102.[^1]",
            annex: "The annex cites S/2021/9103 and `A/75/9109` in code.", footnote: "See A/C.3/75/L.12/Rev.1."), publish: false);
        var id = saved.DocumentId!.Value;
        Assert.Equal(["A/75/9102", "A/C.3/75/L.12/Rev.1", "S/2021/9103"], await CitedByAsync(database, id));

        var draft = (await editor.LoadAsync(Viewers.Secretariat, id, Cancel))!;
        draft.Draft.Versions[0].Body = "We no longer cite it.[^1]";
        draft.Draft.Versions[0].Footnotes[0].Text = "See E/2021/9104 instead.";
        var edited = await editor.SaveAsync(Viewers.Secretariat, "editor@un.example", id, draft.Revision, draft.Draft, Cancel);
        Assert.Equal(EditOutcome.Saved, edited.Outcome);

        Assert.Equal(["E/2021/9104", "S/2021/9103"], await CitedByAsync(database, id));
    }

    [Fact]
    public async Task TheSeededLetterCitesTheLetterItRepliesToInItsText()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        await using var db = database.CreateDbContext();

        var seedLetter = await db.Documents.Where(d => d.Sender == "Armenia").Select(d => d.Id).SingleAsync(Cancel);

        Assert.Contains("A/75/778", await CitedByAsync(database, seedLetter));
    }

    [Fact]
    public async Task ACitedDocumentIsReferredToByTheDocumentsThatMentionItOnlyInTheirText()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var editor = new DocumentEditor(database, TimeProvider.System);
        var queries = new DocumentQueries(database);
        var cited = await RegisterAsync(editor, Letter("A/75/9201", "The cited letter."));
        var byBody = await RegisterAsync(editor, Letter("A/75/9202", "As A/75/9201 says."));
        var byFootnote = await RegisterAsync(editor, Letter("A/75/9203", "See the note.[^1]", footnote: "A/75/9201, para. 3."));
        var draft = await RegisterAsync(editor, Letter("A/75/9204", "A draft citing A/75/9201."), publish: false);
        var restricted = await RegisterAsync(editor, Letter("A/75/R.9205", "Restricted, citing A/75/9201.", distribution: Distribution.Restricted, states: "Demoland"));

        var forPublic = (await queries.GetAsync(cited.DocumentId!.Value, null, Viewers.Public, Cancel))!.References.Incoming;
        Assert.All(forPublic, r => Assert.Equal(ReferenceRelation.RefersTo, r.Relation));
        Assert.Equal(["A/75/9202", "A/75/9203"], forPublic.Select(r => r.Symbol));

        var forDelegation = (await queries.GetAsync(cited.DocumentId!.Value, null, Viewers.Delegation, Cancel))!.References.Incoming;
        Assert.Equal(["A/75/9202", "A/75/9203", "A/75/R.9205"], forDelegation.Select(r => r.Symbol));
        Assert.DoesNotContain("A/75/R.9205", (await queries.GetAsync(cited.DocumentId!.Value, null, Viewers.OtherDelegation, Cancel))!.References.Incoming.Select(r => r.Symbol));

        var forSecretariat = (await queries.GetAsync(cited.DocumentId!.Value, null, Viewers.Secretariat, Cancel))!.References.Incoming;
        Assert.Equal([byBody.DocumentId, byFootnote.DocumentId, draft.DocumentId, restricted.DocumentId], forSecretariat.Select(r => r.DocumentId));
    }

    [Fact]
    public async Task ADocumentBothRepliesToAndCitesAnotherIsListedOnceAsAReply()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var editor = new DocumentEditor(database, TimeProvider.System);
        var queries = new DocumentQueries(database);
        var cited = await RegisterAsync(editor, Letter("A/75/9301", "The first letter."));
        var reply = Letter("A/75/9302", "In reply to A/75/9301.");
        reply.References.Add(new ReferenceDraft { Relation = ReferenceRelation.RepliesTo, Symbol = "A/75/9301" });
        await RegisterAsync(editor, reply);

        var incoming = (await queries.GetAsync(cited.DocumentId!.Value, null, Viewers.Public, Cancel))!.References.Incoming;

        var only = Assert.Single(incoming);
        Assert.Equal((ReferenceRelation.RepliesTo, "A/75/9302"), (only.Relation, only.Symbol));
    }

    [Fact]
    public async Task TheNotHeldSymbolListsTheHeldDocumentsCitingItThatTheViewerMaySee()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var editor = new DocumentEditor(database, TimeProvider.System);
        var queries = new DocumentQueries(database);
        await RegisterAsync(editor, Letter("A/75/9401", "Body.", annex: "The annex cites S/2021/9499."));
        await RegisterAsync(editor, Letter("A/75/9402", "A draft citing S/2021/9499."), publish: false);
        await RegisterAsync(editor, Letter("A/75/R.9403", "Restricted, citing S/2021/9499.", distribution: Distribution.Restricted, states: "Demoland"));
        var notHeld = UnSymbol.ParseJoint("s/2021/9499");

        Assert.Equal(["A/75/9401"], (await queries.ListCitingAsync(notHeld, Viewers.Public, Cancel)).Select(c => c.Symbol));
        Assert.Equal(["A/75/9401", "A/75/R.9403"], (await queries.ListCitingAsync(notHeld, Viewers.Delegation, Cancel)).Select(c => c.Symbol));
        Assert.Equal(["A/75/9401"], (await queries.ListCitingAsync(notHeld, Viewers.OtherDelegation, Cancel)).Select(c => c.Symbol));
        Assert.Equal(3, (await queries.ListCitingAsync(notHeld, Viewers.Secretariat, Cancel)).Count);
        Assert.All(await queries.ListCitingAsync(notHeld, Viewers.Secretariat, Cancel), c => Assert.Equal(ReferenceRelation.RefersTo, c.Relation));
    }

    [Fact]
    public async Task RebuildingFillsTheCitationsOfTextsSavedBeforeTheTableExisted()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var editor = new DocumentEditor(database, TimeProvider.System);
        var citing = await RegisterAsync(editor, Letter("A/75/9501", "We cite A/75/9502.", footnote: "And S/2021/9503."));
        await using (var db = database.CreateDbContext())
        {
            var before = await db.TextCitations.CountAsync(Cancel);
            Assert.True(before >= 2);
            await db.TextCitations.ExecuteDeleteAsync(Cancel);

            var read = await TextCitationIndex.RebuildAsync(db, Cancel);

            Assert.Equal(await db.Documents.CountAsync(Cancel), read);
            Assert.Equal(before, await db.TextCitations.CountAsync(Cancel));
        }
        Assert.Equal(["A/75/9502", "S/2021/9503"], await CitedByAsync(database, citing.DocumentId!.Value));
    }
}
