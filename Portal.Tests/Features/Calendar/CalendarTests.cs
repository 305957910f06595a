using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Tests.Support;
using IcalCalendar = Ical.Net.Calendar;

namespace Portal.Tests.Features.Calendar;

/// <summary>
/// The iCalendar feeds parsed back with Ical.Net: derestriction dates and days of issue, each answered for the
/// caller (the demo's Restricted A/75/R.1 names Demoland), with UIDs that stay the same from one fetch to the next.
/// </summary>
public class CalendarTests(CalendarTests.Fixture app) : IClassFixture<CalendarTests.Fixture>
{
    public sealed class Fixture : AccountsAppFactory
    {
        public Uri BaseAddress { get; }

        public Fixture() => BaseAddress = StartKestrel();
    }

    [Fact]
    public async Task DerestrictionDatesAndDaysOfIssueFollowTheCallersAccess()
    {
        int restricted, general;
        var releasedOn = new DateOnly(2019, 2, 3);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            restricted = await db.DocumentSymbols.Where(s => s.Value == "A/75/R.1").Select(s => s.DocumentId).SingleAsync();
            general = await db.Documents.Where(d => d.Distribution != Distribution.Restricted && d.Status == PublicationStatus.Published).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            await db.Documents.Where(d => d.Id == restricted).ExecuteUpdateAsync(s => s.SetProperty(d => d.DerestrictOn, new DateOnly(2030, 1, 15)));
            await db.Documents.Where(d => d.Id == general).ExecuteUpdateAsync(s => s.SetProperty(d => d.DerestrictOn, new DateOnly(2030, 2, 20)));
            Assert.False(await db.LanguageVersions.AnyAsync(v => v.ReleasedOn == releasedOn));
            await db.LanguageVersions.Where(v => v.DocumentId == restricted).ExecuteUpdateAsync(s => s.SetProperty(v => v.ReleasedOn, releasedOn));
        }
        var demoland = await TestAccounts.CreateAsync(app.Services, "calendar@demoland.example", PortalRoles.Delegation, "Demoland");
        using var signedIn = new AccountClient(app.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.SignInAsync(demoland.Email, demoland.Password)).StatusCode);
        using var anonymous = new AccountClient(app.BaseAddress);

        var (publicText, publicCalendar) = await LoadAsync(anonymous, "/calendar/derestrictions.ics");
        var (namedText, namedCalendar) = await LoadAsync(signedIn, "/calendar/derestrictions.ics");
        Assert.Contains(publicCalendar.Events, e => e.Uid == $"derestriction-{general}@un-documents-portal" && e.DtStart!.Date == new DateOnly(2030, 2, 20));
        Assert.DoesNotContain(publicCalendar.Events, e => e.Uid == $"derestriction-{restricted}@un-documents-portal");
        Assert.DoesNotContain("A/75/R.1", publicText, StringComparison.Ordinal);
        var named = Assert.Single(namedCalendar.Events, e => e.Uid == $"derestriction-{restricted}@un-documents-portal");
        Assert.Equal(new DateOnly(2030, 1, 15), named.DtStart!.Date);
        Assert.Contains("A/75/R.1", named.Summary, StringComparison.Ordinal);
        Assert.EndsWith("/A/75/R.1", named.Url!.ToString(), StringComparison.Ordinal);
        Assert.Contains($"derestriction-{general}@un-documents-portal", namedText, StringComparison.Ordinal);

        const string day = "/calendar/issued.ics?from=2019-02-03&to=2019-02-03";
        Assert.Empty((await LoadAsync(anonymous, day)).Calendar.Events);
        var issued = Assert.Single((await LoadAsync(signedIn, day)).Calendar.Events);
        Assert.Equal("issued-2019-02-03@un-documents-portal", issued.Uid);
        Assert.Equal("1 document issued", issued.Summary);
        Assert.EndsWith("/today?date=2019-02-03", issued.Url!.ToString(), StringComparison.Ordinal);

        // The same events keep their UIDs from one fetch to the next.
        var again = (await LoadAsync(anonymous, "/calendar/issued.ics?from=2021-01-01&to=2021-12-31")).Calendar;
        var first = (await LoadAsync(anonymous, "/calendar/issued.ics?from=2021-01-01&to=2021-12-31")).Calendar;
        Assert.NotEmpty(first.Events);
        Assert.Equal(first.Events.Select(e => e.Uid), again.Events.Select(e => e.Uid));
        Assert.Equal(first.Events.Count, first.Events.Select(e => e.Uid).Distinct().Count());
    }

    [Theory]
    [InlineData("/calendar/issued.ics?from=yesterday")]
    [InlineData("/calendar/issued.ics?from=2021-05-01&to=2021-04-01")]
    [InlineData("/calendar/issued.ics?from=2010-01-01&to=2021-01-01")]
    public async Task ABadDateOrRangeIsAReadable400(string path)
    {
        using var client = new AccountClient(app.BaseAddress);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<(string Text, IcalCalendar Calendar)> LoadAsync(AccountClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return (text, IcalCalendar.Load(text)!);
    }
}
