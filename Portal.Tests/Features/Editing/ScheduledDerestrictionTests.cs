using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Editing;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Editing;

/// <summary>
/// Dated derestriction on the real portal: the editor sets the day, the background job applies it once it is
/// due (here: a date moved into the past, then a pass), the public sees the document, and its history shows
/// "derestrict" by the portal; two passes at once (as two instances would run) apply it exactly once. On SQLite and PostgreSQL.
/// </summary>
public abstract class ScheduledDerestrictionTests(ScheduledDerestrictionTests.App app)
{
    public class App : PortalAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();

        public sealed class OnPostgreSql : App
        {
            protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
        }
    }

    public sealed class OnSqlite(App app) : ScheduledDerestrictionTests(app), IClassFixture<App>;

    /// <summary>The job's claim on a due document (one pass applies it, the others see it gone) on PostgreSQL's isolation too.</summary>
    public sealed class OnPostgreSql(App.OnPostgreSql app) : ScheduledDerestrictionTests(app), IClassFixture<App.OnPostgreSql>;

    private DocumentEditor Editor => app.Services.GetRequiredService<DocumentEditor>();

    private ScheduledDerestriction Job => app.Services.GetRequiredService<ScheduledDerestriction>();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<int> PublishRestrictedAsync(string symbol, string marker, DateOnly derestrictOn)
    {
        var draft = new DocumentDraft
        {
            Symbols = symbol,
            Distribution = Distribution.Restricted,
            MemberStates = "Demoland",
            DerestrictOn = derestrictOn,
            AgendaItems = "GA/75/71",
            IssuedOn = new DateOnly(2025, 12, 1),
            Versions = [new VersionDraft { Language = "en", Title = $"Restricted {marker}", Body = $"The {marker} text." }],
        };
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", draft);
        Assert.True(registered.Outcome == EditOutcome.Saved, string.Join("; ", registered.Errors.Values));
        await Editor.PublishAsync(Viewers.Secretariat, "editor@un.example", registered.DocumentId!.Value, registered.Revision);
        return registered.DocumentId!.Value;
    }

    /// <summary>Moves the scheduled day into the past, as time passing would.</summary>
    private async Task MakeDueAsync(int id)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.DerestrictOn, Today.AddDays(-1)));
    }

    [Fact]
    public async Task ADerestrictionDueInThePastIsAppliedByAPassAndShowsInTheHistory()
    {
        var id = await PublishRestrictedAsync("A/75/R.901", "heliotrope", Today.AddDays(1));
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(0, await Job.ApplyDueAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/documents/{id}")).StatusCode);

        await MakeDueAsync(id);
        Assert.Equal(1, await Job.ApplyDueAsync());

        Assert.Contains("heliotrope", await visitor.GetStringAsync($"/documents/{id}"), StringComparison.Ordinal);
        var document = await Editor.LoadAsync(Viewers.Secretariat, id);
        Assert.Equal(Distribution.General, document!.Draft.Distribution);
        Assert.Null(document.Draft.DerestrictOn);
        Assert.Equal("", document.Draft.MemberStates);
        var (history, _) = await app.Services.GetRequiredService<AuditLog>().ListAsync(Viewers.Secretariat, null, id, 0, 10);
        var entry = history[0];
        Assert.Equal(("derestrict", ScheduledDerestriction.Actor), (entry.Action, entry.UserEmail));
        Assert.Contains("\"Distribution\": 3", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Distribution\": 1", entry.After, StringComparison.Ordinal);
        // The job moved the revision on: an editor's form from before the change gets a conflict, not an overwrite.
        Assert.Equal(EditOutcome.Conflict, (await Editor.WithdrawAsync(Viewers.Secretariat, null, id, document.Revision - 1)).Outcome);
    }

    [Fact]
    public async Task TwoPassesAtOnceApplyADerestrictionExactlyOnce()
    {
        var id = await PublishRestrictedAsync("A/75/R.902", "twopasses", Today.AddDays(3));
        await MakeDueAsync(id);
        var other = new ScheduledDerestriction(
            app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new DerestrictionOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<ScheduledDerestriction>.Instance);

        var applied = await Task.WhenAll(Job.ApplyDueAsync(), other.ApplyDueAsync(), Job.ApplyDueAsync());

        Assert.Equal(1, applied.Sum());
        var (history, _) = await app.Services.GetRequiredService<AuditLog>().ListAsync(Viewers.Secretariat, null, id, 0, 10);
        Assert.Single(history, h => h.Action == "derestrict");
    }

    [Fact]
    public async Task EachDocumentOfAPassIsStampedWhenItChangesNotWhenThePassBegan()
    {
        var first = await PublishRestrictedAsync("A/75/R.904", "firstofpass", Today.AddDays(1));
        var second = await PublishRestrictedAsync("A/75/R.905", "secondofpass", Today.AddDays(1));
        var contexts = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // Naming no member state (an imported catalogue may hold such documents), the job's stamp is the only one they get.
            await db.DocumentMemberStates.Where(m => m.DocumentId == first || m.DocumentId == second).ExecuteDeleteAsync();
        }
        await MakeDueAsync(first);
        await MakeDueAsync(second);
        var pass = new ScheduledDerestriction(contexts, new TickingClock(TimeSpan.FromMinutes(5)),
            Microsoft.Extensions.Options.Options.Create(new DerestrictionOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<ScheduledDerestriction>.Instance);

        Assert.True(await pass.ApplyDueAsync() >= 2);

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var stamps = await db.Documents.Where(d => d.Id == first || d.Id == second).ToDictionaryAsync(d => d.Id, d => d.ChangedAt);
            Assert.True(stamps[second] - stamps[first] >= TimeSpan.FromMinutes(5), $"stamped {stamps[first]:O} and {stamps[second]:O}");
        }
    }

    /// <summary>A clock that moves on by <paramref name="tick"/> each time it is read, as a long pass would find it.</summary>
    private sealed class TickingClock(TimeSpan tick) : TimeProvider
    {
        private DateTimeOffset _next = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow()
        {
            var now = _next;
            _next += tick;
            return now;
        }
    }

    [Fact]
    public async Task AScheduledDayBeforeTodayIsRefusedAndGeneralDocumentsKeepNone()
    {
        var draft = new DocumentDraft
        {
            Symbols = "A/75/R.903",
            Distribution = Distribution.Limited,
            DerestrictOn = Today.AddDays(-2),
            Versions = [new VersionDraft { Language = "en", Title = "Past", Body = "x" }],
        };

        var refused = await Editor.RegisterAsync(Viewers.Secretariat, null, draft);
        Assert.Contains("today or a later day", refused.Errors["DerestrictOn"], StringComparison.Ordinal);

        draft.Distribution = Distribution.General;
        draft.DerestrictOn = Today.AddDays(2);
        var saved = await Editor.RegisterAsync(Viewers.Secretariat, null, draft);
        Assert.Null((await Editor.LoadAsync(Viewers.Secretariat, saved.DocumentId!.Value))!.Draft.DerestrictOn);
    }
}
