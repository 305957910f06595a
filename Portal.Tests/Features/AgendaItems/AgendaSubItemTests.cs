using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Features.AgendaItems;
using Portal.Features.Documents;
using Portal.Features.Editing;
using Portal.Features.Ingestion;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.AgendaItems;

/// <summary>
/// Agenda sub-items ("71 (a)") are data: the editor (and an accepted ingestion proposal) circulates a document under
/// a sub-item, the item gains the sub-item, the document's header and links say "71 (a)", and the item's page
/// filters by sub-item while still listing every document of the item unfiltered.
/// </summary>
public abstract class AgendaSubItemTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : AgendaSubItemTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : AgendaSubItemTests(DatabaseProvider.PostgreSql);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Registers and publishes a short English letter under the given agenda item keys.</summary>
    internal static async Task<int> PublishAsync(DocumentEditor editor, string symbol, string items)
    {
        var registered = await editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", new DocumentDraft
        {
            Symbols = symbol,
            IssuedOn = new DateOnly(2025, 11, 1),
            AgendaItems = items,
            Versions = [new VersionDraft { Language = "en", Title = $"Letter {symbol}", Body = "Text." }],
        }, Cancel);
        Assert.True(registered.Outcome == EditOutcome.Saved, string.Join("; ", registered.Errors.Values));
        await editor.PublishAsync(Viewers.Secretariat, "editor@un.example", registered.DocumentId!.Value, registered.Revision, Cancel);
        return registered.DocumentId!.Value;
    }

    private static Task<AgendaItemDetail?> Item71Async(TestDatabase database, string? subItem) =>
        new AgendaItemQueries(database).GetAsync(Organ.GeneralAssembly, 75, 71, new AgendaItemFilter(SubItem: subItem), Viewers.Public, Cancel);

    [Fact]
    public async Task ADocumentUnderASubItemIsListedUnderTheItemAndFilteredBySubItem()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var editor = new DocumentEditor(database, TimeProvider.System);
        var underA = await PublishAsync(editor, "A/75/9601", "GA/75/71 (a), GA/75/72");
        var underB = await PublishAsync(editor, "A/75/9602", "ga/75/71b");
        var underAAndB = await PublishAsync(editor, "A/75/9603", "GA/75/71(a), GA/75/71 (B)");

        var all = (await Item71Async(database, null))!;
        var a = (await Item71Async(database, "a"))!;
        var b = (await Item71Async(database, "b"))!;

        Assert.Equal(["a", "b"], all.SubItems);
        Assert.Subset(all.Documents.Items.Select(r => r.Id).ToHashSet(), new HashSet<int> { underA, underB, underAAndB });
        Assert.True(all.Documents.TotalCount > 3);
        Assert.Equal([underAAndB, underA], a.Documents.Items.Select(r => r.Id));
        Assert.Equal([underAAndB, underB], b.Documents.Items.Select(r => r.Id));
        Assert.Equal(0, (await Item71Async(database, "c"))!.Documents.TotalCount);
        await using var db = database.CreateDbContext();
        Assert.Equal(2, await db.AgendaSubItems.CountAsync(s => s.AgendaItem.Number == 71 && s.AgendaItem.Session.Number == 75, Cancel));
    }

    [Fact]
    public async Task TheDocumentShowsItsSubItemsAndTheEditorKeepsThem()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var editor = new DocumentEditor(database, TimeProvider.System);
        var id = await PublishAsync(editor, "A/75/9611", "GA/75/71 (a), GA/75/72, GA/75/34 (b), GA/75/34 (c)");

        var detail = (await new DocumentQueries(database).GetAsync(id, null, Viewers.Public, Cancel))!;

        Assert.Equal(["71 (a)", "72", "34 (b) (c)"], detail.AgendaItems.Select(i => i.Label));
        Assert.Equal("/sessions/ga/75/items/71?sub=a", detail.AgendaItems[0].Url);
        Assert.Equal("/sessions/ga/75/items/72", detail.AgendaItems[1].Url);
        Assert.Equal("Agenda items 71 (a), 72 and 34 (b) (c)", HeaderText.For("en").AgendaLine(detail.AgendaItems.Select(i => i.Label).ToList()));
        Assert.Equal("Item 71 (a)", DocumentPage.Breadcrumbs(detail, null)[^2].Text);

        var loaded = (await editor.LoadAsync(Viewers.Secretariat, id, Cancel))!;
        Assert.Equal("GA/75/71 (a), GA/75/72, GA/75/34 (b), GA/75/34 (c)", loaded.Draft.AgendaItems);
        loaded.Draft.AgendaItems = "GA/75/71, GA/75/34 (c)";
        Assert.Equal(EditOutcome.Saved, (await editor.SaveAsync(Viewers.Secretariat, "editor@un.example", id, loaded.Revision, loaded.Draft, Cancel)).Outcome);

        var edited = (await new DocumentQueries(database).GetAsync(id, null, Viewers.Public, Cancel))!;
        Assert.Equal(["71", "34 (c)"], edited.AgendaItems.Select(i => i.Label));
        Assert.Equal("GA/75/71, GA/75/34 (c)", (await editor.LoadAsync(Viewers.Secretariat, id, Cancel))!.Draft.AgendaItems);
    }

    [Fact]
    public void AnIngestedProposalsSubItemsBecomeTheDraftsSubItems()
    {
        var proposal = new ProposedRecord { Session = 75, AgendaItems = [new ProposedAgendaItem(79, "a", "Oceans"), new ProposedAgendaItem(80, null, null)] };

        Assert.Equal(["GA/75/79 (a)", "GA/75/80"], ProposalDraft.AgendaItemKeys(proposal));
    }
}
