using Portal;
using Portal.Components;
using Portal.Components.Layout;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Alerts;
using Portal.Data.Seed;
using Portal.Features.Api;
using Portal.Features.Archives;
using Portal.Features.Calendar;
using Portal.Features.Citations;
using Portal.Features.Dumps;
using Portal.Features.Feeds;
using Portal.Features.Files;
using Portal.Features.Ingestion;
using Portal.Features.Oai;
using Portal.Features.Portability;
using Portal.Features.Search;
using Portal.Features.Sitemaps;
using Portal.Features.Today;
using Portal.Infrastructure;
using Portal.Localization;

// `Portal extract <file>`: the ingestion extractor on the command line, without starting the web host.
if (ExtractCommand.Handles(args))
{
    return await ExtractCommand.RunAsync(args, Console.Out, Console.Error);
}

// Development under `dotnet run` unless ASPNETCORE_ENVIRONMENT says otherwise (see LaunchEnvironment).
LaunchEnvironment.ApplyDefault();
// `create-admin --email …` runs once against the database and exits (CreateAdminCommand).
var createAdmin = CreateAdminCommand.Match(args);
// `reindex` rebuilds the search index from the database and exits (ReindexCommand).
var reindex = ReindexCommand.Handles(args);
// `migrate` applies pending EF migrations and exits (MigrateCommand): how Production migrates.
var migrate = MigrateCommand.Handles(args);
// `remove-demo-accounts` deletes the Development demo accounts from a database moved to production (DemoAccounts).
var removeDemoAccounts = DemoAccounts.HandlesRemove(args);
// `export --out FILE` / `import --in FILE` copy the whole database through a JSON Lines file and exit (Features/Portability).
var export = ExportCommand.Handles(args);
var import = ImportCommand.Handles(args);
var builder = WebApplication.CreateBuilder(createAdmin is null && !reindex && !migrate && !removeDemoAccounts && !export && !import ? args : []);
if (migrate || export || import)
{
    // The command prints what it applied, or one sentence when it cannot: EF's own log would add stack traces.
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
}
// The web root is the repository's top-level wwwroot/, linked into the build as static web assets.
builder.WebHost.UseStaticWebAssets();
try
{
    ProductionSecrets.Check(builder.Configuration, builder.Environment);
    builder.AddPortal();
    builder.AddPortalTelemetry();
}
catch (PortalStartupException e)
{
    // A configuration that cannot work (e.g. a PostgreSQL connection string that is not one): a sentence, not a stack trace.
    Console.Error.WriteLine($"The portal did not start: {e.Message}");
    return 1;
}

var app = builder.Build();
if (migrate)
{
    await using var scope = app.Services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<MigrateCommand>().RunAsync(Console.Out, Console.Error, CancellationToken.None);
}
if (export || import)
{
    // Before start-up's own writes (roles, demo data): an import needs a database that only `migrate` has touched.
    await using var scope = app.Services.CreateAsyncScope();
    return export
        ? await scope.ServiceProvider.GetRequiredService<ExportCommand>().RunAsync(args, Console.Out, Console.Error, CancellationToken.None)
        : await scope.ServiceProvider.GetRequiredService<ImportCommand>().RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}

// Forwarded headers, a last-resort error page, the Host check and security headers come first.
app.UseRequestHardening();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UsePortalClientLimits();
// A personal API token is checked (and a bad one refused with 401) once the limiter has counted the request.
app.UseApiTokens();
app.UseInterfaceLanguages();
app.UseResponseCompression();
app.UseCors();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
// Inside the not-found page's re-execution: a sentence for other empty 4xx answers, such as a 405.
app.UseStatusCodeBodies();
app.UsePortalAccounts();
app.UseRequestTelemetry();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapColorThemeSwitch();
app.MapPortalHealthChecks();
app.MapFileEndpoints();
app.MapArchiveEndpoints();
app.MapIngestionSourceEndpoint();
app.MapFeedEndpoints();
app.MapTodayFeed();
app.MapSearchFeed();
// One literal address: the default "/openapi/{documentName}.json" echoes any name back in its 404.
app.MapOpenApi("/openapi/v1.json").RequireCors(PublicReadCors.Policy);
app.MapApiEndpoints();
app.MapDumpEndpoints();
app.MapCalendarEndpoints();
app.MapApiReference();
app.MapCitationEndpoints();
app.MapOaiEndpoints();
app.MapSitemapEndpoints();
app.MapAccountEndpoints();
app.MapAlertEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AnswerHeadLikeGet();

try
{
    var seeded = await app.InitializePortalDatabaseAsync();
    await AccountRoleSetup.EnsureRolesAsync(app.Services);
    if (createAdmin is null && !reindex && !removeDemoAccounts)
    {
        // Development with demo data only: accounts for trying each role, printed to the console.
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync();
    }
    if (seeded)
    {
        await app.Services.GetRequiredService<DemoFiles>().AttachAsync();
    }
}
catch (PortalStartupException e)
{
    app.Logger.LogCritical("The portal did not start: {Reason}", e.Message);
    // The console logger writes from a background queue: disposing the host flushes it, so the reason is
    // printed before the process exits rather than lost with it.
    await app.DisposeAsync();
    return 1;
}
if (reindex)
{
    await using var scope = app.Services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<ReindexCommand>().RunAsync(Console.Out, CancellationToken.None);
}
if (removeDemoAccounts)
{
    await using var scope = app.Services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<DemoAccounts>().RemoveAsync(Console.Out);
}
if (createAdmin is not null)
{
    await using var scope = app.Services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<CreateAdminCommand>().RunAsync(createAdmin, Console.Out);
}
app.Run();
return 0;
