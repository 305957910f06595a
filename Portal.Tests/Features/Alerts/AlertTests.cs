using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Alerts;
using Portal.Features.Editing;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Alerts;

/// <summary>The portal on Kestrel with its mail going to a test SMTP sink and an alert worker that looks often.</summary>
public class AlertsApp : AccountsAppFactory
{
    public sealed class OnPostgreSql : AlertsApp
    {
        protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    public Uri BaseAddress { get; }

    public AlertsApp() => BaseAddress = StartKestrel();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. base.Settings, new("Portal:Alerts:PollInterval", "00:00:00.200"), new("Portal:Alerts:FirstRetryDelay", "00:00:00.100")];
}

/// <summary>
/// Alerts end to end: subscribe on a page, confirm from the e-mail, publish through the editor, receive the
/// message in a real SMTP sink (MailKit on the wire); unsubscribe; access rules; digests; and an outbox
/// that sends each message once even when an instance died holding it or two instances send at once.
/// </summary>
public abstract partial class AlertTests(AlertsApp app)
{
    public sealed class OnSqlite(AlertsApp app) : AlertTests(app), IClassFixture<AlertsApp>;

    public sealed class OnPostgreSql(AlertsApp.OnPostgreSql app) : AlertTests(app), IClassFixture<AlertsApp.OnPostgreSql>;

    private static int _nextSymbol = 9100;

    private DocumentEditor Editor => app.Services.GetRequiredService<DocumentEditor>();

    private SmtpSink Mail => app.Mail;

    private static string NewSymbol(string prefix = "A/75/") => prefix + Interlocked.Increment(ref _nextSymbol);

    [Fact]
    public async Task AnAddressSubscribesOnTheAgendaItemPageConfirmsAndGetsExactlyOneMessageWithTheRightLinks()
    {
        const string address = "reader.item71@example.org";
        using var client = new AccountClient(app.BaseAddress);
        var itemPage = await client.GetStringAsync("/sessions/ga/75/items/71");
        var subscribed = await client.PostFormAsync("/sessions/ga/75/items/71", itemPage, "subscribe", new Dictionary<string, string>
        {
            ["Input.Email"] = address,
            ["Input.En"] = "true",
            ["Input.Frequency"] = "Immediately",
        });
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Contains("Check your mailbox", await subscribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var confirmation = await Mail.WaitForMessageToAsync(address, "Confirm");
        var confirmPath = PathOf(Assert.Single(Links(confirmation.TextBody ?? ""), l => l.Contains("/alerts/confirm/", StringComparison.Ordinal)));
        var confirmPage = await client.GetStringAsync(confirmPath);
        Assert.Contains("agenda item 71", confirmPage, StringComparison.Ordinal);
        var published0 = await PublishAsync(NewSymbol(), "beforeconfirm");
        await WaitForAlertsAsync();
        Assert.DoesNotContain(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains(published0, StringComparison.Ordinal));
        var confirmed = await client.PostFormAsync(confirmPath, confirmPage, "confirm", new Dictionary<string, string>());
        Assert.Contains("Confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var symbol = await PublishAsync(NewSymbol(), "kingfisher");
        var other = await PublishAsync(NewSymbol(), "elsewhere", agendaItems: "GA/75/72");
        await WaitForAlertsAsync();

        var alert = Assert.Single(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains(symbol, StringComparison.Ordinal));
        Assert.DoesNotContain(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains(other, StringComparison.Ordinal));
        Assert.NotNull(alert.HtmlBody);
        Assert.Contains("multipart/alternative", alert.Body!.ContentType.MimeType, StringComparison.Ordinal);
        var links = Links(alert.TextBody ?? "");
        var root = app.BaseAddress.ToString().TrimEnd('/');
        Assert.Contains($"{root}/{symbol}", links);
        Assert.Contains($"{root}/en/{symbol}", links);
        Assert.Contains($"{root}/{symbol}/en.pdf", links);
        Assert.DoesNotContain(links, l => l.Contains("/zh", StringComparison.Ordinal));
        Assert.Contains($"href=\"{root}/en/{symbol}\"", alert.HtmlBody, StringComparison.Ordinal);
        foreach (var link in links.Where(l => !l.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PathOf(link))).StatusCode);
        }
        var unsubscribe = alert.Headers[HeaderId.ListUnsubscribe];
        Assert.Matches("^<http://127\\.0\\.0\\.1:\\d+/alerts/unsubscribe/[A-Za-z0-9_-]+/one-click>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", alert.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(links, l => l.Contains("/alerts/unsubscribe/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASubscriberOnTheFrenchPageGetsFrenchMessages()
    {
        const string address = "lecteur.point71@example.org";
        using var client = new AccountClient(app.BaseAddress);
        var itemPage = await client.GetStringAsync("/sessions/ga/75/items/71?ui=fr");
        var subscribed = await client.PostFormAsync("/sessions/ga/75/items/71?ui=fr", itemPage, "subscribe", new Dictionary<string, string>
        {
            ["Input.Email"] = address,
            ["Input.Fr"] = "true",
            ["Input.Frequency"] = "Immediately",
        });
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);

        var confirmation = await Mail.WaitForMessageToAsync(address, "Confirmez");
        Assert.Equal("Confirmez vos alertes du Portail des documents de l’ONU", confirmation.Subject);
        Assert.Contains("le point 71 de l’ordre du jour", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Confirmez ici", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Confirmer les alertes", WebUtility.HtmlDecode(confirmation.HtmlBody), StringComparison.Ordinal);
        await using (var db = await Database())
        {
            var token = await db.AlertSubscriptions.Where(s => s.Email == address).Select(s => s.Token).SingleAsync();
            Assert.True(await app.Services.GetRequiredService<AlertSubscriptionService>().ConfirmAsync(token));
        }

        var symbol = await PublishAsync(NewSymbol(), "martinet", languages: ["en", "fr"]);
        await WaitForAlertsAsync();

        var alert = Assert.Single(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains(symbol, StringComparison.Ordinal));
        Assert.StartsWith("Nouveau document : ", alert.Subject, StringComparison.Ordinal);
        Assert.Contains("Nouveau dans le Portail des documents de l’ONU pour le point 71", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("  français: page ", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("à la publication de chaque document", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("Se désabonner: ", alert.TextBody, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(alert.HtmlBody);
        Assert.Contains(">Se désabonner</a>", html, StringComparison.Ordinal);
        // Only the language's own name is marked as in that language (here the same): the rest of the line is in the mail's.
        Assert.Contains("<li>français (<span lang=\"fr\" dir=\"ltr\">Français</span>): ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<li lang=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Unsubscribe", alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("New in the UN", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUnsubscribeLinkAsksFirstAndTheOneClickPostEndsTheSubscription()
    {
        var byPage = await SubscribeConfirmedAsync("unsub.page@example.org", "organ:sc");
        var oneClick = await SubscribeConfirmedAsync("unsub.oneclick@example.org", "organ:sc");
        using var client = new AccountClient(app.BaseAddress);

        var page = await client.GetStringAsync($"/alerts/unsubscribe/{byPage}");
        Assert.Contains("Security Council", page, StringComparison.Ordinal);
        Assert.True(await ExistsAsync(byPage), "Opening the link (as a mail scanner would) must not unsubscribe.");
        var done = await client.PostFormAsync($"/alerts/unsubscribe/{byPage}", page, "unsubscribe", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Unsubscribed", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(byPage));

        // A mail client's one-click POST: no cookie, no antiforgery token (RFC 8058).
        using var mailClient = new HttpClient { BaseAddress = app.BaseAddress };
        var posted = await mailClient.PostAsync($"/alerts/unsubscribe/{oneClick}/one-click",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.False(await ExistsAsync(oneClick));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/alerts/unsubscribe/{oneClick}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/alerts/confirm/not-a-token-at-all-just-words")).StatusCode);
    }

    [Fact]
    public async Task ARestrictedDocumentReachesOnlyTheDelegationItNamesAndNeverAnAnonymousSubscriber()
    {
        const string anonymous = "public.restricted@example.org";
        await SubscribeConfirmedAsync(anonymous, "sender:Ruritania");
        var demoland = await TestAccounts.CreateAsync(app.Services, $"alerts.demoland.{Guid.NewGuid():N}@demoland.example", PortalRoles.Delegation, "Demoland");
        var other = await TestAccounts.CreateAsync(app.Services, $"alerts.ruritania.{Guid.NewGuid():N}@ruritania.example", PortalRoles.Delegation, "Ruritania");
        foreach (var account in new[] { demoland, other })
        {
            using var client = new AccountClient(app.BaseAddress);
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(account.Email, account.Password)).StatusCode);
            var response = await client.SubmitAsync("/alerts/subscribe?target=sender:Ruritania", "subscribe", new Dictionary<string, string> { ["Input.Frequency"] = "Immediately" });
            Assert.Contains("Subscribed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("documents from Ruritania", await client.GetStringAsync("/alerts"), StringComparison.Ordinal);
        }

        var restricted = await PublishAsync(NewSymbol("A/75/R."), "confidential", sender: "Ruritania", distribution: Distribution.Restricted, states: "Demoland");
        var general = await PublishAsync(NewSymbol(), "openletter", sender: "Ruritania");
        await WaitForAlertsAsync();

        Assert.Single(Mail.MessagesTo(demoland.Email), m => (m.Subject ?? "").Contains(restricted, StringComparison.Ordinal));
        foreach (var address in new[] { demoland.Email, other.Email, anonymous })
        {
            Assert.Single(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains(general, StringComparison.Ordinal));
        }
        foreach (var address in new[] { other.Email, anonymous })
        {
            Assert.DoesNotContain(Mail.MessagesTo(address), m => (m.TextBody ?? "").Contains(restricted, StringComparison.Ordinal) || (m.Subject ?? "").Contains(restricted, StringComparison.Ordinal));
        }
        await using var db = await Database();
        Assert.False(await db.AlertMessages.AnyAsync(m => (m.To == anonymous || m.To == other.Email) && (m.TextBody ?? "").Contains("confidential")));
    }

    [Fact]
    public async Task EachKindOfTargetMatchesAndOtherTargetsStaySilent()
    {
        var targets = new Dictionary<string, string>
        {
            ["kinds.family@example.org"] = "symbol:A/C.3/75/L.*",
            ["kinds.search@example.org"] = "search:q=hummingbird&lang=fr",
            ["kinds.session@example.org"] = "session:ga-75",
            ["kinds.organ@example.org"] = "organ:ga",
            ["kinds.sender@example.org"] = "sender:ruritania",
        };
        foreach (var (address, target) in targets)
        {
            await SubscribeConfirmedAsync(address, target);
        }
        await SubscribeConfirmedAsync("kinds.silent.family@example.org", "symbol:S/2021/*");
        await SubscribeConfirmedAsync("kinds.silent.search@example.org", "search:q=hummingbird&lang=ru");
        await SubscribeConfirmedAsync("kinds.silent.language@example.org", "organ:ga", languages: ["ar"]);

        var symbol = await PublishAsync(NewSymbol("A/C.3/75/L."), "hummingbird", sender: "Ruritania", languages: ["en", "fr"]);
        await WaitForAlertsAsync();

        foreach (var address in targets.Keys)
        {
            Assert.Single(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains(symbol, StringComparison.Ordinal));
        }
        foreach (var address in new[] { "kinds.silent.family@example.org", "kinds.silent.search@example.org", "kinds.silent.language@example.org" })
        {
            Assert.DoesNotContain(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains(symbol, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ADailyDigestCollectsTheDaysDocumentsIntoOneMessage()
    {
        const string address = "digest.daily@example.org";
        await SubscribeConfirmedAsync(address, "item:ga-75-72", frequency: AlertFrequency.Daily);
        var first = await PublishAsync(NewSymbol(), "digestone", agendaItems: "GA/75/72");
        var second = await PublishAsync(NewSymbol(), "digesttwo", agendaItems: "GA/75/72");
        await WaitForAlertsAsync();
        Assert.DoesNotContain(Mail.MessagesTo(address), m => (m.Subject ?? "").Contains("digest", StringComparison.Ordinal));

        // A day passes: the period started a little over a day ago.
        await using (var db = await Database())
        {
            var dayAgo = DateTime.UtcNow.AddHours(-24).AddMinutes(-1);
            await db.AlertSubscriptions.Where(s => s.Email == address).ExecuteUpdateAsync(s => s.SetProperty(x => x.DigestPeriodStart, dayAgo));
        }
        await Mail.WaitForMessageToAsync(address, "Daily digest");
        await WaitForAlertsAsync();
        Assert.Equal(0, await app.Services.GetRequiredService<AlertDigests>().ComposeDueAsync(DateTime.UtcNow, CancellationToken.None));

        var digest = Assert.Single(Mail.MessagesTo(address), m => (m.Subject ?? "").StartsWith("Daily digest", StringComparison.Ordinal));
        Assert.Contains(": 2 documents", digest.Subject ?? "", StringComparison.Ordinal);
        Assert.Contains(first, digest.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains(second, digest.TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task AMessageHeldByAnInstanceThatDiedIsSentOnceAndOneHeldByALiveInstanceIsLeftToIt()
    {
        var token = await SubscribeConfirmedAsync("outbox.restart@example.org", "organ:ecosoc");
        var marker = Guid.NewGuid().ToString("N")[..8];
        long crashed, alive, sent;
        await using (var db = await Database())
        {
            var subscription = await db.AlertSubscriptions.SingleAsync(s => s.Token == token);
            var now = DateTime.UtcNow;
            AlertMessage Message(string name) => new()
            {
                SubscriptionId = subscription.Id,
                Kind = AlertMessageKind.Alert,
                To = subscription.Email,
                Subject = $"{name} {marker}",
                TextBody = name,
                HtmlBody = $"<p>{name}</p>",
                CreatedAt = now.AddMinutes(-10),
                NextAttemptAt = now.AddMinutes(-10),
            };
            var crashedMessage = Message("crashed");
            crashedMessage.LeaseOwner = "instance-that-died";
            crashedMessage.LeaseUntil = now.AddSeconds(-1);
            crashedMessage.Attempts = 1;
            var aliveMessage = Message("alive");
            aliveMessage.LeaseOwner = "instance-still-sending";
            aliveMessage.LeaseUntil = now.AddHours(1);
            var sentMessage = Message("sent");
            sentMessage.SentAt = now.AddMinutes(-5);
            db.AlertMessages.AddRange(crashedMessage, aliveMessage, sentMessage);
            await db.SaveChangesAsync();
            (crashed, alive, sent) = (crashedMessage.Id, aliveMessage.Id, sentMessage.Id);
        }

        await Mail.WaitForMessageToAsync("outbox.restart@example.org", $"crashed {marker}");
        var outbox = app.Services.GetRequiredService<AlertOutbox>();
        await outbox.SendDueAsync(DateTime.UtcNow, CancellationToken.None);
        await WaitForAlertsAsync();

        Assert.Single(Mail.MessagesTo("outbox.restart@example.org"), m => m.Subject == $"crashed {marker}");
        Assert.DoesNotContain(Mail.MessagesTo("outbox.restart@example.org"), m => m.Subject == $"alive {marker}" || m.Subject == $"sent {marker}");
        await using (var db = await Database())
        {
            var rows = await db.AlertMessages.AsNoTracking().Where(m => m.Id == crashed || m.Id == alive || m.Id == sent).ToDictionaryAsync(m => m.Id);
            Assert.NotNull(rows[crashed].SentAt);
            Assert.Equal(2, rows[crashed].Attempts);
            Assert.Null(rows[alive].SentAt);
            Assert.Equal("instance-still-sending", rows[alive].LeaseOwner);
            // Let the test's other messages drain: the "live" instance gives its message up.
            await db.AlertMessages.Where(m => m.Id == alive).ExecuteUpdateAsync(s => s.SetProperty(m => m.AbandonedAt, DateTime.UtcNow));
        }
    }

    [Fact]
    public async Task TwoInstancesSendingTheSameOutboxSendEachMessageOnce()
    {
        var token = await SubscribeConfirmedAsync("outbox.race@example.org", "organ:ecosoc");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var instances = new[] { NewOutbox(), NewOutbox(), NewOutbox() };
        await WaitForAlertsAsync();
        await using (var db = await Database())
        {
            var subscription = await db.AlertSubscriptions.SingleAsync(s => s.Token == token);
            // Not due yet for the app's own worker; due for the instances below.
            var later = DateTime.UtcNow.AddHours(1);
            db.AlertMessages.AddRange(Enumerable.Range(1, 12).Select(i => new AlertMessage
            {
                SubscriptionId = subscription.Id,
                Kind = AlertMessageKind.Alert,
                To = subscription.Email,
                Subject = $"race {marker} {i}",
                TextBody = $"message {i}",
                HtmlBody = $"<p>message {i}</p>",
                CreatedAt = later,
                NextAttemptAt = later,
            }));
            await db.SaveChangesAsync();
        }

        var sent = await Task.WhenAll(instances.Select(o => Task.Run(() => o.SendDueAsync(DateTime.UtcNow.AddHours(2), CancellationToken.None))));

        Assert.Equal(12, sent.Sum());
        var received = Mail.MessagesTo("outbox.race@example.org").Where(m => (m.Subject ?? "").StartsWith($"race {marker} ", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, received.Count);
        Assert.Equal(12, received.Select(m => m.Subject).Distinct().Count());
    }

    [Fact]
    public async Task AMessageTheServerRefusesIsRetriedWithGrowingDelaysAndDeliveredOnce()
    {
        const string address = "retry.refused@example.org";
        Mail.RefuseNext(2);
        await SubscribeConfirmedAsync(address, "organ:sc");

        await Mail.WaitForMessageToAsync(address, "Confirm");
        await WaitForAlertsAsync();

        Assert.Single(Mail.MessagesTo(address));
        await using var db = await Database();
        var row = await db.AlertMessages.AsNoTracking().SingleAsync(m => m.To == address);
        Assert.Equal(3, row.Attempts);
        Assert.NotNull(row.SentAt);
        Assert.Contains("try again later", row.LastError, StringComparison.Ordinal);
        // Two failures: waits of 100 ms then 200 ms (FirstRetryDelay, doubled) before the third attempt.
        Assert.True(row.SentAt!.Value - row.CreatedAt >= TimeSpan.FromMilliseconds(300), $"sent {row.SentAt - row.CreatedAt} after it was written");
    }

    [Theory]
    [InlineData("item:ga-75-99999")]
    [InlineData("nonsense")]
    [InlineData("symbol:no-star")]
    [InlineData("search:")]
    public async Task ASubscribeFormWithAnUnknownTargetGetsAReadableAnswerNotAnError(string target)
    {
        using var client = new AccountClient(app.BaseAddress);
        var page = await client.GetAsync("/alerts/subscribe?target=" + Uri.EscapeDataString(target));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("alert-error", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);

        var itemPage = await client.GetStringAsync("/sessions/ga/75/items/71");
        var posted = await client.PostFormAsync("/sessions/ga/75/items/71", itemPage, "subscribe",
            new Dictionary<string, string> { ["Input.Target"] = target, ["Input.Email"] = "hostile@example.org" });
        Assert.True((int)posted.StatusCode is >= 200 and < 500, $"{posted.StatusCode} for {target}");
        Assert.DoesNotContain("Exception", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await Database();
        Assert.False(await db.AlertSubscriptions.AnyAsync(s => s.Email == "hostile@example.org"));
    }

    private AlertOutbox NewOutbox() => ActivatorUtilities.CreateInstance<AlertOutbox>(app.Services, new ShiftedClock(TimeSpan.FromHours(2)));

    /// <summary>An instance whose clock runs ahead, so messages the app's own worker holds back are due for it.</summary>
    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }

    private async Task<string> PublishAsync(string symbol, string marker, string agendaItems = "GA/75/71", string sender = "Demoland",
        Distribution distribution = Distribution.General, string? states = null, string[]? languages = null)
    {
        var draft = new DocumentDraft
        {
            Symbols = symbol,
            Kind = DocumentKind.Letter,
            Distribution = distribution,
            MemberStates = states,
            IssuedOn = new DateOnly(2021, 5, 7),
            OriginalLanguage = "en",
            Sender = sender,
            AgendaItems = agendaItems,
            Versions = [.. (languages ?? ["en", "zh"]).Select(l => new VersionDraft { Language = l, Title = $"Letter about {marker} ({l})", Body = $"The {marker} text." })],
        };
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", draft);
        Assert.Equal(EditOutcome.Saved, registered.Outcome);
        var published = await Editor.PublishAsync(Viewers.Secretariat, "editor@un.example", registered.DocumentId!.Value, registered.Revision);
        Assert.Equal(EditOutcome.Saved, published.Outcome);
        return symbol;
    }

    /// <summary>Subscribes an address without an account and follows its confirmation link; returns the subscription's token.</summary>
    private async Task<string> SubscribeConfirmedAsync(string address, string target, AlertFrequency frequency = AlertFrequency.Immediately, string[]? languages = null)
    {
        Assert.True(AlertTargets.TryParse(target, out var parsed, out var error), error);
        var subscriptions = app.Services.GetRequiredService<AlertSubscriptionService>();
        await subscriptions.SubscribeAsync(new AlertRequest(parsed, address, languages ?? [], frequency), Viewer.Anonymous, null, app.BaseAddress.ToString());
        await using var db = await Database();
        var token = await db.AlertSubscriptions.Where(s => s.Email == address && s.TargetValue == parsed.Value).Select(s => s.Token).SingleAsync();
        Assert.True(await subscriptions.ConfirmAsync(token));
        return token;
    }

    private async Task<bool> ExistsAsync(string token)
    {
        await using var db = await Database();
        return await db.AlertSubscriptions.AnyAsync(s => s.Token == token);
    }

    private Task<PortalDbContext> Database() => app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    /// <summary>
    /// Waits until every publication is matched and every message due is sent (or given up), except those a
    /// live lease of another instance holds: the SMTP sink then has everything the worker sent.
    /// </summary>
    private async Task WaitForAlertsAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            await using (var db = await Database())
            {
                var now = DateTime.UtcNow;
                var busy = await db.AlertPublications.AnyAsync(p => p.MatchedAt == null, timeout.Token)
                    || await db.AlertMessages.AnyAsync(m => m.SentAt == null && m.AbandonedAt == null && m.NextAttemptAt <= now
                        && (m.LeaseUntil == null || m.LeaseUntil < now || m.LeaseOwner != "instance-still-sending"), timeout.Token);
                if (!busy)
                {
                    return;
                }
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    private static List<string> Links(string text) => [.. LinkPattern().Matches(text).Select(m => m.Value)];

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
