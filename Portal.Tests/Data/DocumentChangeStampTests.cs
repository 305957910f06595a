using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Editing;
using Portal.Infrastructure;
using Portal.Storage;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>
/// Every path that changes a document moves its <see cref="Document.ChangedAt"/> on (what the API's
/// changedSince reads): registering, saving, publishing, uploading a file, withdrawing, and the scheduled
/// derestriction job; a rendition generated on request does not. On both database providers.
/// </summary>
public abstract class DocumentChangeStampTests(PortalAppFactory app)
{
    public sealed class SqliteApp : PortalAppFactory;

    public sealed class PostgreSqlApp : PortalAppFactory
    {
        protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    public sealed class OnSqlite(SqliteApp app) : DocumentChangeStampTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgreSql(PostgreSqlApp app) : DocumentChangeStampTests(app), IClassFixture<PostgreSqlApp>;

    private DocumentEditor Editor => app.Services.GetRequiredService<DocumentEditor>();

    private async Task<(DateTimeOffset ChangedAt, bool EverPublic, int Revision)> StampAsync(int id)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
        return (document.ChangedAt, document.EverPublic, document.Revision);
    }

    /// <summary>Runs a change and checks it moved the stamp on; returns the new stamp.</summary>
    private async Task<DateTimeOffset> MovesOnAsync(int id, DateTimeOffset before, Func<Task> change, string what)
    {
        await change();
        var (after, _, _) = await StampAsync(id);
        Assert.True(after > before, $"{what} moves ChangedAt on ({before:O} → {after:O})");
        return after;
    }

    [Fact]
    public async Task EveryChangePathMovesTheDocumentsChangeStampOn()
    {
        var draft = new DocumentDraft
        {
            Symbols = "A/80/" + Random.Shared.Next(800, 899),
            AgendaItems = "GA/75/71",
            IssuedOn = new DateOnly(2025, 12, 1),
            Versions = [new VersionDraft { Language = "en", Title = "Change stamps", Body = "First text." }],
        };
        var registeredAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, null, draft);
        Assert.Equal(EditOutcome.Saved, registered.Outcome);
        var id = registered.DocumentId!.Value;
        var (stamp, everPublic, _) = await StampAsync(id);
        Assert.True(stamp > registeredAt);
        Assert.False(everPublic);

        async Task<int> RevisionAsync() => (await StampAsync(id)).Revision;
        stamp = await MovesOnAsync(id, stamp, async () =>
        {
            var loaded = (await Editor.LoadAsync(Viewers.Secretariat, id))!;
            loaded.Draft.Versions[0].Body = "Second text.";
            Assert.Equal(EditOutcome.Saved, (await Editor.SaveAsync(Viewers.Secretariat, null, id, loaded.Revision, loaded.Draft)).Outcome);
        }, "an editor's save");
        stamp = await MovesOnAsync(id, stamp, async () =>
            Assert.Equal(EditOutcome.Saved, (await Editor.PublishAsync(Viewers.Secretariat, null, id, await RevisionAsync())).Outcome), "publishing");
        Assert.True((await StampAsync(id)).EverPublic);

        int versionId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            versionId = await db.LanguageVersions.Where(v => v.DocumentId == id).Select(v => v.Id).SingleAsync();
        }
        var (pdf, _) = TestDocuments.FakePdf(2000, seed: id);
        stamp = await MovesOnAsync(id, stamp, () => TestDocuments.AttachAsync(app.Services, versionId, FileFormat.Pdf, pdf, "letter.pdf", MediaTypes.Pdf), "a file upload");
        stamp = await MovesOnAsync(id, stamp, async () =>
            Assert.Equal(EditOutcome.Saved, (await Editor.WithdrawAsync(Viewers.Secretariat, null, id, await RevisionAsync())).Outcome), "withdrawing");
        Assert.True((await StampAsync(id)).EverPublic, "a withdrawn document was public once");
    }

    [Fact]
    public async Task TheScheduledDerestrictionMovesTheStampOnAndOpensTheDocumentToThePublic()
    {
        var draft = new DocumentDraft
        {
            Symbols = "A/80/R." + Random.Shared.Next(800, 899),
            Distribution = Distribution.Restricted,
            MemberStates = "Demoland",
            DerestrictOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1),
            AgendaItems = "GA/75/71",
            IssuedOn = new DateOnly(2025, 12, 1),
            Versions = [new VersionDraft { Language = "en", Title = "Restricted for a while", Body = "Text." }],
        };
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, null, draft);
        var id = registered.DocumentId!.Value;
        Assert.Equal(EditOutcome.Saved, (await Editor.PublishAsync(Viewers.Secretariat, null, id, registered.Revision)).Outcome);
        var (stamp, everPublic, _) = await StampAsync(id);
        Assert.False(everPublic, "a Restricted document was never public");

        await MovesOnAsync(id, stamp, async () =>
        {
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            {
                await db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.DerestrictOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)));
            }
            Assert.Equal(1, await app.Services.GetRequiredService<ScheduledDerestriction>().ApplyDueAsync());
        }, "the derestriction job");
        Assert.True((await StampAsync(id)).EverPublic);
    }
}
