using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Accounts;
using Portal.Features.Ingestion;
using Portal.Infrastructure;
using Portal.Tests.Accessibility;
using Portal.Tests.Features.Ingestion;
using Portal.Tests.Support;

namespace Portal.Tests.Localization;

/// <summary>
/// What the account forms answer (validation messages, a wrong password, Identity's password rules) and the
/// password-reset e-mail, in each of the five other interface languages: their own words, no English.
/// </summary>
public sealed partial class AccountTextInEachLanguageTests(AccountTextInEachLanguageTests.App app) : IClassFixture<AccountTextInEachLanguageTests.App>
{
    public sealed class App : AccountsAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    public static TheoryData<string> OtherLanguages => InterfaceTextTests.OtherLanguages;

    private static string Words(string language, string key) => InterfaceTextTests.Strings(CultureInfo.GetCultureInfo(language))[key];

    private static string PageText(string html) => new HtmlParser().ParseDocument(html).Body!.TextContent;

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public async Task TheAccountFormsAndTheResetMailAnswerInTheInterfaceLanguage(string language)
    {
        var account = await TestAccounts.CreateAsync(app.Services, $"words.{language}@un.example", PortalRoles.Delegation, "Demoland");
        using var client = new AccountClient(app.BaseAddress);
        // ?ui= sets the interface-language cookie, which the client keeps for the posts that follow.
        await client.GetStringAsync("/account/sign-in?ui=" + language);

        var invalid = await (await client.SubmitAsync("/account/sign-in", "sign-in", new Dictionary<string, string> { ["Input.Email"] = "not-an-address", ["Input.Password"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains(Words(language, "Validation_NotAnEmail"), PageText(invalid), StringComparison.Ordinal);
        Assert.Contains(Words(language, "Validation_EnterPassword"), PageText(invalid), StringComparison.Ordinal);
        UntranslatedTextTests.AssertNoEnglishLeft(invalid, language, "/account/sign-in (invalid input)");

        var wrong = await (await client.SubmitAsync("/account/sign-in", "sign-in", new Dictionary<string, string> { ["Input.Email"] = account.Email, ["Input.Password"] = "Not-The-Password-1" })).Content.ReadAsStringAsync();
        Assert.Contains(Words(language, "AcctWrongPassword"), PageText(wrong), StringComparison.Ordinal);
        UntranslatedTextTests.AssertNoEnglishLeft(wrong, language, "/account/sign-in (wrong password)");

        var asked = await (await client.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = account.Email })).Content.ReadAsStringAsync();
        UntranslatedTextTests.AssertNoEnglishLeft(asked, language, "/account/forgot-password (sent)");
        var mail = await app.Mail.WaitForMessageToAsync(account.Email);
        Assert.Equal(Words(language, "Mail_ResetSubject"), mail.Subject);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        Assert.Equal(Words(language, "Mail_ResetBody").Replace("{0}", link.ToString(), StringComparison.Ordinal).ReplaceLineEndings(), (mail.TextBody ?? "").Trim().ReplaceLineEndings());

        var weak = await (await client.SubmitAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string> { ["Input.Password"] = "aaaaaaaaaaaa", ["Input.ConfirmPassword"] = "aaaaaaaaaaab" })).Content.ReadAsStringAsync();
        Assert.Contains(Words(language, "Validation_PasswordsDiffer"), PageText(weak), StringComparison.Ordinal);
        UntranslatedTextTests.AssertNoEnglishLeft(weak, language, "/account/reset-password (passwords differ)");
        var rules = await (await client.SubmitAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string> { ["Input.Password"] = "aaaaaaaaaaaa", ["Input.ConfirmPassword"] = "aaaaaaaaaaaa" })).Content.ReadAsStringAsync();
        Assert.Contains(Words(language, "Identity_PasswordRequiresUpper"), PageText(rules), StringComparison.Ordinal);
        Assert.Contains(Words(language, "Identity_PasswordRequiresDigit"), PageText(rules), StringComparison.Ordinal);
        UntranslatedTextTests.AssertNoEnglishLeft(rules, language, "/account/reset-password (weak password)");
    }

    /// <summary>Every message Identity can give has its words in each language (a key missing would show the key itself).</summary>
    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void EveryIdentityErrorHasItsOwnWordsInEachLanguage(string language)
    {
        using var scope = app.Services.CreateScope();
        var describer = scope.ServiceProvider.GetRequiredService<UserManager<Portal.Data.Entities.PortalUser>>().ErrorDescriber;
        Assert.IsType<LocalizedIdentityErrorDescriber>(describer);
        var methods = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType == typeof(IdentityError))
            .ToList();
        Assert.NotEmpty(methods);

        IdentityError Describe(MethodInfo method, string culture)
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)12 : "x").ToArray();
                return (IdentityError)method.Invoke(describer, arguments)!;
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }

        Assert.All(methods, method =>
        {
            var english = Describe(method, "en");
            var translated = Describe(method, language);
            Assert.Equal(method.Name, translated.Code);
            Assert.DoesNotContain("Identity_", translated.Description, StringComparison.Ordinal);
            Assert.NotEqual(english.Description, translated.Description);
        });
    }

    [GeneratedRegex(@"http://[^\s]+/account/reset-password\?[^\s]+")]
    private static partial Regex LinkPattern();
}

/// <summary>
/// The account, alert and /manage pages behind a sign-in, opened in real Chromium by an account of the role
/// each needs, in each of the five other interface languages: none of the English resource file's strings left.
/// </summary>
public class SignedInUntranslatedTextTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string, string> SignedInPagesInEachLanguage
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var language in UnLanguage.All.Where(l => l != UnLanguage.English))
            {
                foreach (var row in AccessibilityPages.SignedIn)
                {
                    data.Add(language.Code, row.Data.Item1, row.Data.Item2);
                }
                data.Add(language.Code, "/alerts", "editor");
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SignedInPagesInEachLanguage))]
    public async Task NoEnglishInterfaceTextIsLeftOnTheSignedInPage(string language, string path, string role)
    {
        await using var context = await SignedInBrowser.NewContextAsync(browser, role);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);

        await page.GotoAsync(path + "?ui=" + language);
        await BrowserFixture.WaitForInteractiveAsync(page);
        // Tables fill in once the circuit has asked the server for their rows.
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-table-loading, .mud-table-loading-progress')");

        UntranslatedTextTests.AssertNoEnglishLeft(await page.ContentAsync(), language, path);
    }

    /// <summary>
    /// The ingestion pages with something on them: the upload page listing a batch, the batch page with a file read and one
    /// that failed, and the review page of the proposal the reader made from an English fixture letter (its text and the
    /// agenda item titles it read are the document's, marked as English).
    /// </summary>
    [Theory]
    [MemberData(nameof(AccountTextInEachLanguageTests.OtherLanguages), MemberType = typeof(AccountTextInEachLanguageTests))]
    public async Task TheIngestionPagesAreInTheInterfaceLanguage(string language)
    {
        var (batchId, fileId) = await IngestedBatchAsync(browser.Services);
        await using var context = await SignedInBrowser.NewContextAsync(browser, "editor");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        var words = InterfaceTextTests.Strings(CultureInfo.GetCultureInfo(language));

        foreach (var (path, shows) in new[]
        {
            (IngestPage.Url, "IngestRecentBatches"),
            (IngestBatchPage.Url(batchId), "IngestStatusExtracted"),
            (IngestReviewPage.Url(fileId), "IngestAsRead"),
        })
        {
            await page.GotoAsync(path + "?ui=" + language);
            await BrowserFixture.WaitForInteractiveAsync(page);
            var html = await page.ContentAsync();
            Assert.Contains(words[shows], new HtmlParser().ParseDocument(html).Body!.TextContent, StringComparison.Ordinal);
            UntranslatedTextTests.AssertNoEnglishLeft(html, language, path);
        }
    }

    private static readonly SemaphoreSlim IngestOnce = new(1, 1);
    private static readonly Dictionary<IServiceProvider, (int BatchId, int FileId)> Ingested = [];

    /// <summary>A batch of an English fixture letter and an empty file, uploaded once per portal and read by its worker.</summary>
    private static async Task<(int BatchId, int FileId)> IngestedBatchAsync(IServiceProvider services)
    {
        await IngestOnce.WaitAsync();
        try
        {
            if (Ingested.TryGetValue(services, out var ingested))
            {
                return ingested;
            }
            var batches = services.GetRequiredService<IngestionCommands>();
            await using var letter = File.OpenRead(IngestionFixtureFiles.TextPath("en-joint-letter"));
            await using var empty = new MemoryStream();
            var upload = await batches.UploadAsync(Viewers.Secretariat, "editor@un.example", [("en-joint-letter.txt", letter), ("empty.txt", empty)]);
            var batchId = upload.BatchId ?? throw new InvalidOperationException(upload.Problem);
            IngestionBatchView batch;
            // The worker reads the batch in the background; on a loaded machine that takes what it takes.
            while (!(batch = (await batches.GetBatchAsync(Viewers.Secretariat, batchId))!).Finished)
            {
                await Task.Delay(200);
            }
            var read = batch.Files.Single(f => f.Status == IngestionFileStatus.Extracted);
            Assert.Contains(batch.Files, f => f.Status == IngestionFileStatus.Failed);
            return Ingested[services] = (batchId, read.Id);
        }
        finally
        {
            IngestOnce.Release();
        }
    }

    /// <summary>The editor's answers to an empty form: the errors next to each field and the message that says so.</summary>
    [Theory]
    [MemberData(nameof(AccountTextInEachLanguageTests.OtherLanguages), MemberType = typeof(AccountTextInEachLanguageTests))]
    public async Task TheEditorsValidationMessagesAreInTheInterfaceLanguage(string language)
    {
        await using var context = await SignedInBrowser.NewContextAsync(browser, "editor");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync("/manage/documents/new?ui=" + language);
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.Locator("button.mud-button-filled-primary").First.ClickAsync();
        await page.Locator(".mud-snackbar").First.WaitForAsync();
        var errors = page.Locator(".mud-input-error");
        await errors.First.WaitForAsync();

        var html = await page.ContentAsync();
        Assert.Contains(InterfaceTextTests.Strings(CultureInfo.GetCultureInfo(language))["EditFieldsNeedAttention"], new HtmlParser().ParseDocument(html).Body!.TextContent, StringComparison.Ordinal);
        UntranslatedTextTests.AssertNoEnglishLeft(html, language, "/manage/documents/new (empty form saved)");
    }
}
