using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Alerts;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Alerts;

/// <summary>
/// Managing subscriptions: the signed "manage your alerts" link in every message (no account needed), read from
/// the SMTP sink and followed; the account's page; and links that are forged, altered or expired.
/// </summary>
public abstract partial class AlertTests
{
    [Fact]
    public async Task TheManageLinkInTheMailTurnsAnAlertIntoADailyDigestInChosenLanguagesAndTheNextDocumentFollowsIt()
    {
        const string address = "manage.link@example.org";
        await SubscribeConfirmedAsync(address, "item:ga-75-135");
        var confirmation = await Mail.WaitForMessageToAsync(address, "Confirm");
        var manageFromConfirmation = Assert.Single(Links(confirmation.TextBody ?? ""), l => l.Contains("/alerts/manage/", StringComparison.Ordinal));
        Assert.Contains($"href=\"{manageFromConfirmation}\"", WebUtility.HtmlDecode(confirmation.HtmlBody), StringComparison.Ordinal);

        var first = await PublishAsync(NewSymbol(), "managefirst", agendaItems: "GA/75/135", languages: ["en", "fr"]);
        await WaitForAlertsAsync();
        var alert = Assert.Single(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains(first, StringComparison.Ordinal));
        var manage = PathOf(Assert.Single(Links(alert.TextBody ?? ""), l => l.Contains("/alerts/manage/", StringComparison.Ordinal)));
        Assert.Contains("Manage your alerts: ", alert.TextBody, StringComparison.Ordinal);
        var alertHtml = WebUtility.HtmlDecode(alert.HtmlBody) ?? "";
        Assert.True(alertHtml.Contains(">Manage your alerts</a>", StringComparison.Ordinal), alertHtml);

        using var client = new AccountClient(app.BaseAddress);
        var page = await client.GetStringAsync(manage);
        Assert.Contains("agenda item 135", page, StringComparison.Ordinal);
        Assert.Contains(address, page, StringComparison.Ordinal);
        var id = RowId().Match(page).Groups["id"].Value;
        var saved = await client.PostFormAsync(manage, page, "manage-alerts", new Dictionary<string, string>
        {
            ["Input.Rows[0].Frequency"] = "Daily",
            ["Input.Rows[0].Fr"] = "true",
            ["Input.Command"] = $"save:{id}",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Saved", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var second = await PublishAsync(NewSymbol(), "managesecond", agendaItems: "GA/75/135", languages: ["en", "fr"]);
        await WaitForAlertsAsync();
        Assert.DoesNotContain(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains(second, StringComparison.Ordinal));

        await using (var db = await Database())
        {
            var dayAgo = DateTime.UtcNow.AddHours(-24).AddMinutes(-1);
            await db.AlertSubscriptions.Where(s => s.Email == address).ExecuteUpdateAsync(s => s.SetProperty(x => x.DigestPeriodStart, dayAgo));
        }
        var digest = await Mail.WaitForMessageToAsync(address, "Daily digest");
        var root = app.BaseAddress.ToString().TrimEnd('/');
        var links = Links(digest.TextBody ?? "");
        Assert.Contains($"{root}/fr/{second}", links);
        Assert.DoesNotContain($"{root}/en/{second}", links);
        Assert.DoesNotContain(first, digest.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains(links, l => l.Contains("/alerts/manage/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADigestTurnedBackToImmediatelySendsEachWaitingDocumentOnceAsItsOwnAlertAndTheNextOneAlike()
    {
        const string address = "digest.to.immediate@example.org";
        await SubscribeConfirmedAsync(address, "item:ga-75-98", frequency: AlertFrequency.Daily);
        var confirmation = await Mail.WaitForMessageToAsync(address, "Confirm");
        var manage = PathOf(Assert.Single(Links(confirmation.TextBody ?? ""), l => l.Contains("/alerts/manage/", StringComparison.Ordinal)));
        var first = await PublishAsync(NewSymbol(), "waitingone", agendaItems: "GA/75/98");
        var second = await PublishAsync(NewSymbol(), "waitingtwo", agendaItems: "GA/75/98");
        await WaitForAlertsAsync();
        Assert.Equal(2, await WaitingMatchesAsync(address));
        Assert.Single(Mail.MessagesTo(address));

        using var client = new AccountClient(app.BaseAddress);
        var page = await client.GetStringAsync(manage);
        var saved = await client.PostFormAsync(manage, page, "manage-alerts", new Dictionary<string, string>
        {
            ["Input.Rows[0].Frequency"] = "Immediately",
            ["Input.Command"] = $"save:{RowId().Match(page).Groups["id"].Value}",
        });
        Assert.Contains("Saved", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // What the digest was collecting goes out at once, each document as the alert it would have been.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            while (await WaitingMatchesAsync(address) > 0)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
        await WaitForAlertsAsync();
        var third = await PublishAsync(NewSymbol(), "afterswitch", agendaItems: "GA/75/98");
        await WaitForAlertsAsync();
        Assert.Equal(0, await WaitingMatchesAsync(address));

        var messages = Mail.MessagesTo(address).Where(m => m != confirmation).ToList();
        Assert.DoesNotContain(messages, m => (m.Subject ?? "").Contains("digest", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, messages.Count);
        var root = app.BaseAddress.ToString().TrimEnd('/');
        foreach (var symbol in new[] { first, second, third })
        {
            var alert = Assert.Single(messages, m => (m.Subject ?? "").StartsWith($"New document: {symbol} – ", StringComparison.Ordinal));
            Assert.Contains($"{root}/{symbol}", Links(alert.TextBody ?? ""));
            Assert.Contains($"{root}/{symbol}", WebUtility.HtmlDecode(alert.HtmlBody) ?? "", StringComparison.Ordinal);
            Assert.All(new[] { first, second, third }.Where(s => s != symbol), other => Assert.DoesNotContain(other, alert.TextBody ?? "", StringComparison.Ordinal));
            Assert.Equal("List-Unsubscribe=One-Click", alert.Headers["List-Unsubscribe-Post"]);
        }
    }

    private async Task<int> WaitingMatchesAsync(string address)
    {
        await using var db = await Database();
        return await db.AlertMatches.CountAsync(m => m.Subscription.Email == address && m.MessageId == null);
    }

    [Fact]
    public async Task APausedSubscriptionHearsNothingUntilResumedAndAManageLinkReachesOnlyItsOwnAddress()
    {
        const string address = "manage.pause@example.org";
        const string stranger = "manage.stranger@example.org";
        await SubscribeConfirmedAsync(address, "item:ga-75-34");
        await SubscribeConfirmedAsync(stranger, "item:ga-75-34");
        var manage = AlertManageLinks.Path(app.Services.GetRequiredService<AlertManageLinks>().Create(address));
        long strangerId;
        await using (var db = await Database())
        {
            strangerId = await db.AlertSubscriptions.Where(s => s.Email == stranger).Select(s => s.Id).SingleAsync();
        }

        using var client = new AccountClient(app.BaseAddress);
        var page = await client.GetStringAsync(manage);
        Assert.DoesNotContain(stranger, page, StringComparison.Ordinal);
        var id = RowId().Match(page).Groups["id"].Value;
        var paused = await client.PostFormAsync(manage, page, "manage-alerts", new Dictionary<string, string> { ["Input.Command"] = $"pause:{id}" });
        Assert.Contains("Paused", await paused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Someone else's subscription is answered as one that does not exist, and left alone.
        var refused = await client.PostFormAsync(manage, page, "manage-alerts", new Dictionary<string, string> { ["Input.Command"] = $"remove:{strangerId}" });
        Assert.Contains("no subscription", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var whilePaused = await PublishAsync(NewSymbol(), "whilepaused", agendaItems: "GA/75/34");
        await WaitForAlertsAsync();
        Assert.Single(Mail.MessagesTo(stranger), m => (m.Subject ?? "").Contains(whilePaused, StringComparison.Ordinal));
        Assert.DoesNotContain(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains(whilePaused, StringComparison.Ordinal));

        page = await client.GetStringAsync(manage);
        await client.PostFormAsync(manage, page, "manage-alerts", new Dictionary<string, string> { ["Input.Command"] = $"resume:{id}" });
        var afterResume = await PublishAsync(NewSymbol(), "afterresume", agendaItems: "GA/75/34");
        await WaitForAlertsAsync();
        Assert.Single(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains(afterResume, StringComparison.Ordinal));

        page = await client.GetStringAsync(manage);
        await client.PostFormAsync(manage, page, "manage-alerts", new Dictionary<string, string> { ["Input.Command"] = $"remove:{id}" });
        await using (var db = await Database())
        {
            Assert.False(await db.AlertSubscriptions.AnyAsync(s => s.Email == address));
            Assert.True(await db.AlertSubscriptions.AnyAsync(s => s.Id == strangerId));
        }
    }

    [Fact]
    public async Task AForgedAlteredOrExpiredManageLinkGetsAReadable4xx()
    {
        var links = app.Services.GetRequiredService<AlertManageLinks>();
        var genuine = links.Create("manage.expired@example.org");
        var altered = genuine[..^6] + (genuine[^6] == 'A' ? 'B' : 'A') + genuine[^5..];
        var expired = links.Create("manage.expired@example.org", DateTimeOffset.UtcNow.AddMinutes(-1));
        using var client = new AccountClient(app.BaseAddress);

        foreach (var (token, status, words) in new[]
        {
            ("not-a-token", HttpStatusCode.BadRequest, "not valid"),
            (new string('A', 180), HttpStatusCode.BadRequest, "not valid"),
            (altered, HttpStatusCode.BadRequest, "not valid"),
            (expired, HttpStatusCode.Gone, "expired"),
        })
        {
            var response = await client.GetAsync(AlertManageLinks.Path(token));
            Assert.Equal(status, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(words, html, StringComparison.Ordinal);
            Assert.DoesNotContain("manage.expired@example.org", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AlertManageLinks.Path(genuine))).StatusCode);
    }

    [Fact]
    public async Task AnAccountChangesItsSubscriptionOnItsAlertsPage()
    {
        var account = await TestAccounts.CreateAsync(app.Services, $"alerts.manage.{Guid.NewGuid():N}@demoland.example", PortalRoles.Delegation, "Demoland");
        using var client = new AccountClient(app.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(account.Email, account.Password)).StatusCode);
        await client.SubmitAsync("/alerts/subscribe?target=organ:sc", "subscribe", new Dictionary<string, string> { ["Input.Frequency"] = "Immediately" });

        var page = await client.GetStringAsync("/alerts");
        var id = RowId().Match(page).Groups["id"].Value;
        var saved = await client.PostFormAsync("/alerts", page, "manage-alerts", new Dictionary<string, string>
        {
            ["Input.Rows[0].Frequency"] = "Weekly",
            ["Input.Rows[0].Ar"] = "true",
            ["Input.Rows[0].Zh"] = "true",
            ["Input.Command"] = $"save:{id}",
        });
        Assert.Contains("Saved", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await Database();
        var row = await db.AlertSubscriptions.AsNoTracking().SingleAsync(s => s.Id == long.Parse(id));
        Assert.Equal(AlertFrequency.Weekly, row.Frequency);
        Assert.Equal("ar,zh", row.Languages);
        Assert.NotNull(row.DigestPeriodStart);
    }

    [GeneratedRegex(@"name=""Input\.Rows\[0\]\.Id"" value=""(?<id>\d+)""")]
    private static partial Regex RowId();
}
