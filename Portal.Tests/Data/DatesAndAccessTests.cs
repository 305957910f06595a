using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

public sealed class DatesAndAccessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterItsMaxAgeTheWholeCatalogueIsReadAgainInTheBackgroundAndLosesNoChangeStampedMeanwhile()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        // The memory's clock runs behind the one that stamps the saves, so that moving it on by MaxAge leaves it behind
        // them still; the demo's stamps are moved further back, where a look no longer reads them.
        var clock = new SteppedClock(DateTimeOffset.UtcNow - 2 * DatesAndAccess.MaxAge);
        await using (var db = database.CreateDbContext())
        {
            await db.Documents.ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangedAt, clock.Now - DatesAndAccess.MaxAge), Cancel);
        }
        var memory = new DatesAndAccess(database, clock);
        var (bypassed, stamped) = await TwoPublishedGeneralDocumentsAsync(database);
        async Task<bool> Visible(int id) => (await memory.VisibleToAsync([id], Viewers.Public, Cancel)).Allowed.Contains(id);
        Assert.True(await Visible(bypassed));
        Assert.True(await Visible(stamped));

        // A write that bypasses the stamps is not seen by a look, only by a whole read.
        await using (var db = database.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Documents SET Status = {(int)PublicationStatus.Withdrawn} WHERE Id = {bypassed}", Cancel);
        }
        Assert.True(await Visible(bypassed));
        Assert.True(memory.WholeReadUnderWay.IsCompleted);

        clock.Now += DatesAndAccess.MaxAge;
        await Visible(bypassed);
        var wholeRead = memory.WholeReadUnderWay;
        Assert.NotSame(Task.CompletedTask, wholeRead); // begun, on a task of its own: the search did not wait for it
        // A save while the whole read runs (before its snapshot or after it) is seen once it is swapped in.
        await using (var db = database.CreateDbContext())
        {
            (await db.Documents.SingleAsync(d => d.Id == stamped, Cancel)).Distribution = Distribution.Restricted;
            await db.SaveChangesAsync(Cancel);
        }
        await wholeRead;

        Assert.False(await Visible(bypassed));
        Assert.False(await Visible(stamped));
        Assert.True(memory.WholeReadUnderWay.IsCompleted);
    }

    [Fact]
    public async Task ACallerThatAskedBeforeALookThatFailedLooksItself()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var failing = new FailingReads(database);
        var memory = new DatesAndAccess(failing, TimeProvider.System);
        var (withdrawn, _) = await TwoPublishedGeneralDocumentsAsync(database);
        async Task<bool> Visible(int id) => (await memory.VisibleToAsync([id], Viewers.Public, Cancel)).Allowed.Contains(id);
        Assert.True(await Visible(withdrawn));
        await using (var db = database.CreateDbContext())
        {
            (await db.Documents.SingleAsync(d => d.Id == withdrawn, Cancel)).Status = PublicationStatus.Withdrawn;
            await db.SaveChangesAsync(Cancel);
        }

        // One look holds the memory while its read waits, two callers ask meanwhile, and the look and the next read fail.
        failing.Next = new([FailingReads.Read.WaitThenFail, FailingReads.Read.Fail]);
        var holding = Task.Run(() => memory.LookAsync(Cancel), Cancel);
        await failing.Waiting.Task.WaitAsync(Cancel);
        var asking = new[] { Visible(withdrawn), Visible(withdrawn) };
        failing.Go.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => holding);
        var answers = await Task.WhenAll(asking.Select(async visible =>
        {
            try
            {
                return (bool?)await visible;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }));
        // Whichever caller came second did not take the failed looks for its own: it read, and saw the withdrawal.
        Assert.Single(answers, a => a is null);
        Assert.Single(answers, a => a == false);
    }

    /// <summary>The test database, whose next reads wait or fail as told (<see cref="Next"/>), in order; reads succeed after those.</summary>
    private sealed class FailingReads(TestDatabase database) : IDbContextFactory<PortalDbContext>
    {
        public enum Read { WaitThenFail, Fail }

        public Queue<Read> Next { get; set; } = new();

        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Go { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public PortalDbContext CreateDbContext()
        {
            if (Next.TryDequeue(out var read))
            {
                if (read == Read.WaitThenFail)
                {
                    Waiting.SetResult();
                    Go.Task.Wait(TestContext.Current.CancellationToken);
                }
                throw new InvalidOperationException("The database did not answer.");
            }
            return database.CreateDbContext();
        }
    }

    private static async Task<(int, int)> TwoPublishedGeneralDocumentsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var ids = await db.Documents.Where(d => d.Status == PublicationStatus.Published && d.Distribution == Distribution.General)
            .OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToListAsync(Cancel);
        return (ids[0], ids[1]);
    }
}
