using System.Globalization;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Api;
using Portal.Infrastructure;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Portal.Features.Calendar;

/// <summary>
/// iCalendar (RFC 5545) feeds of the dated things the catalogue holds, each answered for the caller
/// (<see cref="DocumentAccess.VisibleTo"/>): <c>/calendar/derestrictions.ics</c>, the days documents the caller
/// may read are to be derestricted; <c>/calendar/issued.ics</c>, one all-day event per day on which documents
/// were released, linking to that day's "issued today" page. UIDs depend only on the document or the day, so a
/// calendar that subscribes updates its events instead of adding copies.
/// </summary>
public static class CalendarEndpoints
{
    public const string Derestrictions = "/calendar/derestrictions.ics";
    public const string Issued = "/calendar/issued.ics";

    /// <summary>The widest span of days one request of <see cref="Issued"/> covers.</summary>
    public const int MaxDays = 366;

    private const string UidDomain = "un-documents-portal";

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var calendars = app.MapGroup("").RequireCors(PublicReadCors.Policy).ExcludeFromDescription();
        calendars.MapMethods(Derestrictions, methods, DerestrictionsAsync);
        calendars.MapMethods(Issued, methods, IssuedAsync);
        return app;
    }

    private static async Task<IResult> DerestrictionsAsync(HttpContext http, IDbContextFactory<PortalDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
        var rows = await db.Documents.AsNoTracking().Where(DocumentAccess.VisibleTo(Viewer.From(http.User)))
            .Where(d => d.DerestrictOn != null).OrderBy(d => d.DerestrictOn).ThenBy(d => d.Id).Take(5_000)
            .Select(d => new
            {
                d.Id,
                On = d.DerestrictOn!.Value,
                d.Distribution,
                Symbols = d.Symbols.OrderBy(s => s.Position).Select(s => s.Value).ToList(),
                Title = d.CatalogTitle ?? d.LanguageVersions.OrderBy(v => v.Language == "en" ? 0 : 1).Select(v => v.Title).FirstOrDefault(),
            }).ToListAsync(http.RequestAborted);
        var calendar = NewCalendar("Derestrictions");
        foreach (var row in rows)
        {
            var symbol = UnSymbol.Join(row.Symbols);
            calendar.Events.Add(AllDay($"derestriction-{row.Id}@{UidDomain}", row.On,
                $"Derestriction: {(symbol.Length > 0 ? symbol : $"document {row.Id}")} ({row.Distribution} to General)",
                row.Title ?? "", RequestUrls.Absolute(http, SiteUrls.Document(row.Id, row.Symbols))));
        }
        return Ics(calendar);
    }

    private static async Task<IResult> IssuedAsync(HttpContext http, IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, string? from, string? to)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var input = new ApiInput();
        var first = input.Date("from", from) ?? today.AddDays(-90);
        var last = input.Date("to", to) ?? today;
        if (input.Problem is { } problem)
        {
            return problem;
        }
        if (last < first || last.DayNumber - first.DayNumber >= MaxDays)
        {
            return ApiEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad date range",
                $"from must be on or before to, and the range at most {MaxDays} days long.");
        }
        await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
        var days = await VersionFiles.Visible(db, Viewer.From(http.User))
            .Where(v => v.ReleasedOn != null && v.ReleasedOn >= first && v.ReleasedOn <= last)
            .GroupBy(v => v.ReleasedOn!.Value)
            .Select(g => new { Day = g.Key, Documents = g.Select(v => v.DocumentId).Distinct().Count(), Versions = g.Count() })
            .OrderBy(g => g.Day).ToListAsync(http.RequestAborted);
        var calendar = NewCalendar("Documents issued");
        foreach (var day in days)
        {
            var date = day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            calendar.Events.Add(AllDay($"issued-{date}@{UidDomain}", day.Day,
                $"{day.Documents} {(day.Documents == 1 ? "document" : "documents")} issued",
                $"{day.Versions} language {(day.Versions == 1 ? "version" : "versions")} released on {date}.",
                RequestUrls.Absolute(http, $"/today?date={date}")));
        }
        return Ics(calendar);
    }

    private static IcalCalendar NewCalendar(string name)
    {
        var calendar = new IcalCalendar { ProductId = "-//UN Documents Portal//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"UN Documents Portal: {name}");
        return calendar;
    }

    private static IcalEvent AllDay(string uid, DateOnly day, string summary, string description, string url) => new()
    {
        Uid = uid,
        DtStart = new CalDateTime(day),
        DtEnd = new CalDateTime(day.AddDays(1)),
        DtStamp = new CalDateTime(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        Summary = summary,
        Description = description,
        Url = new Uri(url),
    };

    private static IResult Ics(IcalCalendar calendar) =>
        Results.Text(new CalendarSerializer().SerializeToString(calendar) ?? "", "text/calendar; charset=utf-8");
}
