using System.Text.RegularExpressions;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Accounts;

/// <summary>The Secretariat's pages are linked from the navigation menu of those who may open them, and only theirs.</summary>
public sealed class ManageMenuTests(ManageMenuTests.App app) : IClassFixture<ManageMenuTests.App>
{
    public sealed class App : AccountsAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private static string Menu(string html) =>
        Regex.Match(html, @"<nav\b.*</nav>", RegexOptions.Singleline) is { Success: true } match
            ? match.Value
            : throw new Xunit.Sdk.XunitException("The page has no navigation menu.");

    [Fact]
    public async Task AnAdministratorsMenuLinksTheBulkDumpsPageWhichOpens()
    {
        var admin = await TestAccounts.CreateAsync(app.Services, "menu.admin@un.example", PortalRoles.Administrator, twoFactor: true);
        using var administrator = new AccountClient(app.BaseAddress);
        await administrator.SignInAsync(admin.Email, admin.Password, admin.AuthenticatorKey);

        var menu = Menu(await administrator.GetStringAsync("/"));
        Assert.Matches(@"<a[^>]*href=""/manage/dumps""[^>]*>.*?Bulk dumps", menu);
        Assert.Contains(@"href=""/manage/audit""", menu, StringComparison.Ordinal);
        Assert.Contains("<h1>Bulk dumps</h1>", await administrator.GetStringAsync("/manage/dumps"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditorsMenuHasNoLinkToTheBulkDumpsPage()
    {
        var editor = await TestAccounts.CreateAsync(app.Services, "menu.editor@un.example", PortalRoles.Editor, twoFactor: true);
        using var client = new AccountClient(app.BaseAddress);
        await client.SignInAsync(editor.Email, editor.Password, editor.AuthenticatorKey);

        var menu = Menu(await client.GetStringAsync("/"));
        Assert.Contains(@"href=""/manage/documents""", menu, StringComparison.Ordinal);
        Assert.DoesNotContain(@"href=""/manage/dumps""", menu, StringComparison.Ordinal);
    }
}
