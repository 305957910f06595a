using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Api;
using Portal.Features.Editing;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Api;

/// <summary>
/// Mirroring the catalogue through <c>changedSince</c>: a client walks the list, an edit happens, and the next
/// changes walk returns exactly that document; a withdrawn document comes back as removed (id only), and a
/// Restricted one is never named to a caller who could not see it.
/// </summary>
public class ApiChangesTests(ApiChangesTests.Fixture fixture) : IClassFixture<ApiChangesTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private DocumentEditor Editor => fixture.Services.GetRequiredService<DocumentEditor>();

    private async Task<JsonElement> GetAsync(string path)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private sealed record Walk(List<JsonElement> Items, List<JsonElement> Removed, DateTimeOffset FirstSyncedThrough, DateTimeOffset LastSyncedThrough);

    /// <summary>Follows next from the first page to the last, as a client does.</summary>
    private async Task<Walk> WalkAsync(string first)
    {
        var items = new List<JsonElement>();
        var removed = new List<JsonElement>();
        DateTimeOffset? firstSynced = null;
        DateTimeOffset lastSynced = default;
        string? next = first;
        while (next is not null)
        {
            var page = await GetAsync(next);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            if (page.GetProperty("removed").ValueKind == JsonValueKind.Array)
            {
                removed.AddRange(page.GetProperty("removed").EnumerateArray());
            }
            lastSynced = page.GetProperty("syncedThrough").GetDateTimeOffset();
            firstSynced ??= lastSynced;
            next = page.GetProperty("next").GetString()?.Replace("http://localhost", "");
        }
        return new Walk(items, removed, firstSynced!.Value, lastSynced);
    }

    /// <summary>
    /// A full mirror: walks the list until its first page's syncedThrough covers every document's last change
    /// (just after start-up the demo data is younger than the settle time), and returns that instant.
    /// </summary>
    private async Task<DateTimeOffset> MirrorAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var walk = await WalkAsync("/api/v1/documents?limit=7");
            Assert.NotEmpty(walk.Items);
            Assert.All(walk.Items, i => Assert.Equal(JsonValueKind.String, i.GetProperty("changedAt").ValueKind));
            if (walk.Items.All(i => i.GetProperty("changedAt").GetDateTimeOffset() <= walk.FirstSyncedThrough))
            {
                return walk.FirstSyncedThrough;
            }
            Assert.True(DateTime.UtcNow < deadline, "the catalogue settles");
            await Task.Delay(100);
        }
    }

    /// <summary>The changes since an instant, once any has settled (changes younger than the settle time wait).</summary>
    private async Task<Walk> ChangesAsync(DateTimeOffset since)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var walk = await WalkAsync($"/api/v1/documents?limit=2&changedSince={Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture))}");
            if (walk.Items.Count + walk.Removed.Count > 0)
            {
                return walk;
            }
            Assert.True(DateTime.UtcNow < deadline, "the change shows");
            await Task.Delay(100);
        }
    }

    private static int Id(JsonElement item) => item.GetProperty("id").GetInt32();

    [Fact]
    public async Task AfterAnEditTheNextChangesCallReturnsExactlyThatDocument()
    {
        var synced = await MirrorAsync();
        var id = (await GetAsync("/api/v1/documents/by-symbol/A/75/950")).GetProperty("id").GetInt32();
        var document = (await Editor.LoadAsync(Viewers.Secretariat, id))!;
        document.Draft.Addressee = "President of the General Assembly";
        var saved = await Editor.SaveAsync(Viewers.Secretariat, "editor@un.example", id, document.Revision, document.Draft);
        Assert.Equal(EditOutcome.Saved, saved.Outcome);

        var changes = await ChangesAsync(synced);

        Assert.Equal([id], changes.Items.Select(Id));
        Assert.Empty(changes.Removed);
        var changedAt = changes.Items[0].GetProperty("changedAt").GetDateTimeOffset();
        Assert.True(changedAt > synced);
        // The document itself says when it changed, and so does its Last-Modified.
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync($"/api/v1/documents/{id}");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(changedAt.ToUnixTimeSeconds()), response.Content.Headers.LastModified);

        // Nothing changed since the last page's syncedThrough: the next call is empty.
        var after = await GetAsync($"/api/v1/documents?changedSince={Uri.EscapeDataString(changes.LastSyncedThrough.ToString("O", CultureInfo.InvariantCulture))}");
        Assert.Empty(after.GetProperty("items").EnumerateArray());
        Assert.Empty(after.GetProperty("removed").EnumerateArray());
    }

    [Fact]
    public async Task AWithdrawnDocumentIsRemovedAndARestrictedOneIsNeverNamedToOthers()
    {
        var services = fixture.Services;
        await TestDocuments.AddAsync(services, "A/80/701");
        await TestDocuments.AddAsync(services, "A/80/R.702", distribution: Distribution.Restricted);
        var publicId = await DocumentIdAsync("A/80/701");
        var restrictedId = await DocumentIdAsync("A/80/R.702");
        await NameMemberStateAsync(restrictedId, "Demoland");
        var synced = await MirrorAsync();

        foreach (var id in new[] { publicId, restrictedId })
        {
            var loaded = (await Editor.LoadAsync(Viewers.Secretariat, id))!;
            Assert.Equal(EditOutcome.Saved, (await Editor.WithdrawAsync(Viewers.Secretariat, null, id, loaded.Revision)).Outcome);
        }
        var changes = await ChangesAsync(synced);

        Assert.Empty(changes.Items);
        var removed = Assert.Single(changes.Removed);
        Assert.Equal(publicId, Id(removed));
        Assert.Equal(["changedAt", "id"], removed.EnumerateObject().Select(p => p.Name).Order());

        // Through the same query the API uses: the delegation the Restricted document named is told it went;
        // another delegation is not told it ever existed.
        var queries = services.GetRequiredService<ApiQueries>();
        var until = DateTimeOffset.UtcNow.AddMinutes(1);
        var (named, _) = await queries.ListChangesAsync(new ApiDocumentFilter(), synced, until, null, 50, Viewers.Delegation, default);
        var (other, _) = await queries.ListChangesAsync(new ApiDocumentFilter(), synced, until, null, 50, Viewers.OtherDelegation, default);
        Assert.Contains(named, r => r.Id == restrictedId && r.Row is null);
        Assert.DoesNotContain(other, r => r.Id == restrictedId);
        Assert.Contains(other, r => r.Id == publicId && r.Row is null);
    }

    private async Task<int> DocumentIdAsync(string symbol)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var key = UnSymbol.Parse(symbol).Key;
        return await db.DocumentSymbols.Where(s => s.Key == key).Select(s => s.DocumentId).SingleAsync();
    }

    private async Task NameMemberStateAsync(int id, string state)
    {
        var document = (await Editor.LoadAsync(Viewers.Secretariat, id))!;
        document.Draft.MemberStates = state;
        Assert.Equal(EditOutcome.Saved, (await Editor.SaveAsync(Viewers.Secretariat, null, id, document.Revision, document.Draft)).Outcome);
    }
}
