using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Storage;

namespace Portal.Features.Dumps;

/// <summary>The <c>Portal:Dumps</c> section.</summary>
public sealed class DumpOptions
{
    public const string SectionName = "Portal:Dumps";

    /// <summary>Whether instances write the nightly dump; on-demand dumps work either way.</summary>
    public bool Nightly { get; set; } = true;

    /// <summary>The time of day (UTC) after which the night's dump is due.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan NightlyAt { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often each instance looks whether a dump is due (the first look is at start-up).</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the writing instance holds the lease; another may take over after it (longer than a dump takes).</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Dumps kept (the newest); older ones' files are left to the orphan sweep.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100)]
    public int Keep { get; set; } = 3;
}

public enum DumpOutcome
{
    Written,

    /// <summary>Another instance holds the lease and is writing one.</summary>
    AnotherInstanceIsWriting,

    /// <summary>Nightly only: tonight's dump exists already.</summary>
    NotDue,

    /// <summary>The catalogue has no public document: nothing is written (an empty portal keeps an empty file store).</summary>
    NothingPublic,

    /// <summary>Reading the catalogue or storing the file failed; the previous dump stays the latest.</summary>
    Failed,
}

public sealed record DumpResult(DumpOutcome Outcome, BulkDump? Dump = null, string? Error = null);

/// <summary>
/// Writes the gzip JSON Lines dump of every document the public may see (<see cref="DocumentAccess.VisibleTo"/>
/// for <see cref="Viewer.Anonymous"/>), in id order. The file is written to a temporary file, then put whole in
/// the content-addressed file store (local or S3, whose put is atomic), and only then recorded as the latest in
/// the database: a failure at any point leaves the previous dump in place. One instance writes at a time: the
/// one holding the <c>bulk-dump</c> lease row.
/// </summary>
public sealed class BulkDumpWriter(IDbContextFactory<PortalDbContext> contexts, IDocumentFileStore store, IOptions<DumpOptions> options,
    IOptions<PortalOptions> portal, IHostEnvironment environment, TimeProvider clock, ILogger<BulkDumpWriter> logger, IServer server)
{
    public const string LeaseName = "bulk-dump";
    private const int Batch = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="trigger">"nightly", or who asked.</param>
    /// <param name="onlyIfDue">The nightly run: write only when no dump has been written since the last scheduled time.</param>
    /// <param name="siteUrl">
    /// The address the request asking for the dump came to, for the records' links when <c>Portal:PublicBaseUrl</c> is unset
    /// (the nightly run then uses the first address this instance listens on).
    /// </param>
    public async Task<DumpResult> WriteAsync(string trigger, bool onlyIfDue, string? siteUrl = null, CancellationToken cancellationToken = default)
    {
        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var startedAt = clock.GetUtcNow().UtcDateTime;
        if (!await ClaimAsync(owner, startedAt, cancellationToken))
        {
            return new(DumpOutcome.AnotherInstanceIsWriting);
        }
        var temp = Path.Combine(TempFolder(), $"dump-{Guid.NewGuid():N}.jsonl.gz");
        try
        {
            if (onlyIfDue && !await DueAsync(startedAt, cancellationToken))
            {
                return new(DumpOutcome.NotDue);
            }
            var root = siteUrl ?? ListeningAddress();
            var records = await WriteFileAsync(temp, path => PublicUrls.Absolute(portal.Value.PublicBaseUrl, root, path), cancellationToken);
            if (records == 0)
            {
                return new(DumpOutcome.NothingPublic);
            }
            StoredBlob blob;
            await using (var file = File.OpenRead(temp))
            {
                blob = await store.PutAsync(file, cancellationToken);
            }
            await StoreKeys.RecordAsync(contexts, blob, cancellationToken);
            var dump = new BulkDump
            {
                Sha256 = blob.Sha256,
                Length = blob.Length,
                RecordCount = records,
                StartedAt = startedAt,
                WrittenAt = clock.GetUtcNow().UtcDateTime,
                Trigger = trigger.Length > 300 ? trigger[..300] : trigger,
            };
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                db.BulkDumps.Add(dump);
                await db.SaveChangesAsync(cancellationToken);
                var kept = await db.BulkDumps.OrderByDescending(d => d.Id).Select(d => d.Id).Take(options.Value.Keep).ToListAsync(cancellationToken);
                await db.BulkDumps.Where(d => !kept.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
            }
            logger.LogInformation("Bulk dump {Id} written ({Trigger}): {Records} documents, {Bytes} bytes, SHA-256 {Sha256}, in {Elapsed}.",
                dump.Id, trigger, records, blob.Length, blob.Sha256, dump.WrittenAt - startedAt);
            return new(DumpOutcome.Written, dump);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Bulk dump ({Trigger}) failed; the previous dump stays the latest.", trigger);
            return new(DumpOutcome.Failed, Error: e.Message);
        }
        finally
        {
            File.Delete(temp);
            await ReleaseAsync(owner);
        }
    }

    /// <summary>The newest dump, or null when none has been written.</summary>
    public async Task<IReadOnlyList<BulkDump>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.BulkDumps.AsNoTracking().OrderByDescending(d => d.Id).ToListAsync(cancellationToken);
    }

    private async Task<bool> DueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var scheduled = now.Date + options.Value.NightlyAt;
        if (scheduled > now)
        {
            scheduled = scheduled.AddDays(-1);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return !await db.BulkDumps.AnyAsync(d => d.WrittenAt >= scheduled, cancellationToken);
    }

    /// <summary>The first address Kestrel listens on, a wildcard host read as <c>localhost</c>: links for a portal without <c>Portal:PublicBaseUrl</c>.</summary>
    private string ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost/";
        return Regex.Replace(address, @"^(\w+://)(\+|\*|\[::\]|0\.0\.0\.0)(?=[:/]|$)", "$1localhost");
    }

    private async Task<int> WriteFileAsync(string path, Func<string, string> absolute, CancellationToken cancellationToken)
    {
        var records = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
        {
            var afterId = 0;
            while (true)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var ids = await db.Documents.AsNoTracking().Where(DocumentAccess.VisibleTo(Viewer.Anonymous)).Where(d => d.Id > afterId)
                    .OrderBy(d => d.Id).Select(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
                if (ids.Count == 0)
                {
                    break;
                }
                foreach (var document in await ReadAsync(db, ids, absolute, cancellationToken))
                {
                    await JsonSerializer.SerializeAsync(gzip, document, Json, cancellationToken);
                    gzip.WriteByte((byte)'\n');
                    records++;
                }
                afterId = ids[^1];
            }
        }
        await file.FlushAsync(cancellationToken);
        return records;
    }

    private static async Task<List<DumpDocument>> ReadAsync(PortalDbContext db, List<int> ids, Func<string, string> absolute, CancellationToken cancellationToken)
    {
        var rows = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new
        {
            d.Id,
            Symbols = d.Symbols.OrderBy(s => s.Position).Select(s => s.Value).ToList(),
            d.Kind,
            d.Distribution,
            d.IssuedOn,
            d.DatedOn,
            d.OriginalLanguage,
            d.Sender,
            d.Addressee,
            d.CatalogTitle,
            d.ChangedAt,
            Sessions = d.Sessions.Select(s => new { s.Session.Organ, s.Session.Number }).ToList(),
            Items = d.AgendaItems.OrderBy(a => a.Position).Select(a => new { a.AgendaItem.Session.Organ, Session = a.AgendaItem.Session.Number, a.AgendaItem.Number }).ToList(),
            Versions = d.LanguageVersions.Select(v => new
            {
                v.Language,
                v.Title,
                v.ReleasedOn,
                v.JobNumber,
                Files = v.Files.Where(f => f.GeneratedFrom == null).Select(f => new { f.Format, f.MediaType, f.Length, f.Sha256 }).ToList(),
            }).ToList(),
        }).AsSplitQuery().ToListAsync(cancellationToken);
        var references = (await db.CrossReferences.AsNoTracking().Where(r => ids.Contains(r.SourceDocumentId)).OrderBy(r => r.Id)
                .Select(r => new { r.SourceDocumentId, r.Relation, r.TargetSymbol }).ToListAsync(cancellationToken))
            .ToLookup(r => r.SourceDocumentId);
        return [.. rows.OrderBy(r => r.Id).Select(r => new DumpDocument(
            r.Id, r.Symbols, Word(r.Kind), Word(r.Distribution), r.IssuedOn, r.DatedOn, r.OriginalLanguage, r.Sender, r.Addressee,
            TitlePreference.Pick(r.CatalogTitle, [.. r.Versions.Select(v => new VersionTitle(v.Language, v.Title))]).Title,
            r.ChangedAt,
            [.. r.Sessions.OrderBy(s => s.Organ).ThenBy(s => s.Number).Select(s => new SessionKey(s.Organ, s.Number).ToString())],
            [.. r.Items.Select(i => new AgendaItemKey(i.Organ, i.Session, i.Number).ToString())],
            [.. r.Versions.OrderBy(v => Portal.Domain.UnLanguage.OrderOf(v.Language)).Select(v => new DumpVersion(v.Language, v.Title, v.ReleasedOn, v.JobNumber,
                absolute(SiteUrls.Document(r.Id, r.Symbols, v.Language)),
                [.. v.Files.OrderBy(f => f.Format).Select(f => new DumpFile(Word(f.Format), f.MediaType, f.Length, f.Sha256,
                    absolute(SiteUrls.File(r.Id, r.Symbols, v.Language, DownloadFormats.Of(f.Format)))))]))],
            [.. references[r.Id].Select(x => new DumpReference(Word(x.Relation), x.TargetSymbol))],
            absolute(SiteUrls.Document(r.Id, r.Symbols))))];
    }

    private static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private string TempFolder()
    {
        var folder = Path.Combine(Path.GetFullPath(Path.Combine(environment.ContentRootPath, portal.Value.DataPath)), "dumps-tmp");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private async Task<bool> ClaimAsync(string owner, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.JobLeases.AnyAsync(l => l.Name == LeaseName, cancellationToken))
        {
            db.JobLeases.Add(new JobLease { Name = LeaseName });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance made the row first: the UPDATE below decides.
            }
        }
        var until = now + options.Value.Lease;
        return await db.JobLeases.Where(l => l.Name == LeaseName && (l.Until == null || l.Until < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.Until, until), cancellationToken) == 1;
    }

    private async Task ReleaseAsync(string owner)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.JobLeases.Where(l => l.Name == LeaseName && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.Until, (DateTime?)null));
    }
}
