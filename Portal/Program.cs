using Portal;
using Portal.Components;
using Portal.Data;
using Portal.Data.Seed;
using Portal.Features.Api;
using Portal.Features.Archives;
using Portal.Features.Citations;
using Portal.Features.Feeds;
using Portal.Features.Files;
using Portal.Features.Ingestion;
using Portal.Features.Search;
using Portal.Features.Sitemaps;
using Portal.Features.Today;
using Portal.Infrastructure;

// `Portal extract <file>`: the ingestion extractor on the command line, without starting the web host.
if (ExtractCommand.Handles(args))
{
    return await ExtractCommand.RunAsync(args, Console.Out, Console.Error);
}

// Development under `dotnet run` unless ASPNETCORE_ENVIRONMENT says otherwise (see LaunchEnvironment).
LaunchEnvironment.ApplyDefault();
var builder = WebApplication.CreateBuilder(args);
// The web root is the repository's top-level wwwroot/, linked into the build as static web assets.
builder.WebHost.UseStaticWebAssets();
builder.AddPortal();

var app = builder.Build();

// Forwarded headers, a last-resort error page, the Host check and security headers come first.
app.UseRequestHardening();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UsePortalClientLimits();
app.UseResponseCompression();
app.UseCors();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapFileEndpoints();
app.MapArchiveEndpoints();
app.MapFeedEndpoints();
app.MapTodayFeed();
app.MapSearchFeed();
// One literal address: the default "/openapi/{documentName}.json" echoes any name back in its 404.
app.MapOpenApi("/openapi/v1.json").RequireCors(PublicReadCors.Policy);
app.MapApiEndpoints();
app.MapCitationEndpoints();
app.MapSitemapEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AnswerHeadLikeGet();

try
{
    if (await app.InitializePortalDatabaseAsync())
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
app.Run();
return 0;
