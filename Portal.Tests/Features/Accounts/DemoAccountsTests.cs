using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data.Entities;
using Portal.Features.Accounts;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Accounts;

/// <summary>Keeps what the portal logs, as the console would print it.</summary>
public sealed class ConsoleCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(ConsoleCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Lines.Enqueue(formatter(state, exception));
    }
}

/// <summary>
/// Demo accounts: a Development portal with demo data creates an editor, an administrator and two delegations,
/// prints them with working passwords (and authenticator keys) at start-up; a Production portal never does.
/// </summary>
public sealed class DemoAccountsTests
{
    private static readonly string[] Emails = ["editor@demo.example", "admin@demo.example", "delegate@armenia.demo.example", "delegate@demoland.demo.example"];

    private sealed class DevelopmentPortal : PortalAppFactory
    {
        public ConsoleCapture Console { get; } = new();

        public Uri BaseAddress { get; } = null!;

        public DevelopmentPortal() => BaseAddress = StartKestrel();

        // The portal loads its demo data itself, as `dotnet run` does in Development.
        protected override bool SeedDemoData => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.UseSetting("Portal:SeedDemoData", "true");
            builder.ConfigureLogging(logging => logging.AddProvider(Console));
        }
    }

    private sealed class ProductionPortal : PortalAppFactory
    {
        public ConsoleCapture Console { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Console));
        }
    }

    [Fact]
    public async Task ADevelopmentPortalWithDemoDataPrintsAccountsForEachRoleThatSignIn()
    {
        await using var portal = new DevelopmentPortal();

        var printed = Assert.Single(portal.Console.Lines, l => l.StartsWith("Demo accounts", StringComparison.Ordinal));

        foreach (var email in Emails)
        {
            Assert.Contains(email, printed, StringComparison.Ordinal);
        }
        var lines = printed.Split('\n');
        string PasswordOf(string email) => lines.Single(l => l.Contains(email, StringComparison.Ordinal)).Split("password ")[1].Split(' ')[0];
        var editorLine = lines.Single(l => l.Contains("editor@demo.example", StringComparison.Ordinal));
        var key = editorLine.Split("secret=")[1].Split('&')[0];
        using var editor = new AccountClient(portal.BaseAddress);
        await editor.SignInAsync("editor@demo.example", PasswordOf("editor@demo.example"), key);
        Assert.Contains("Register a document", await editor.GetStringAsync("/manage/documents"), StringComparison.Ordinal);
        using var armenia = new AccountClient(portal.BaseAddress);
        await armenia.SignInAsync("delegate@armenia.demo.example", PasswordOf("delegate@armenia.demo.example"));

        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var delegation = await users.FindByEmailAsync("delegate@demoland.demo.example");
        Assert.Equal("Demoland", delegation!.MemberState);
        Assert.True(await users.IsInRoleAsync(delegation, Portal.Infrastructure.PortalRoles.Delegation));
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("admin@demo.example"))!, Portal.Infrastructure.PortalRoles.Administrator));
    }

    [Fact]
    public async Task AProductionPortalHasNoDemoAccountsAndPrintsNone()
    {
        await using var portal = new ProductionPortal();
        using var client = portal.CreateClient();
        await client.GetAsync("/");

        Assert.DoesNotContain(portal.Console.Lines, l => l.Contains("Demo accounts", StringComparison.Ordinal));
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        foreach (var email in Emails)
        {
            Assert.Null(await users.FindByEmailAsync(email));
        }
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync());
    }
}
