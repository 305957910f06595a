using Portal;
using Portal.Components;
using Portal.Data;
using Portal.Features.Downloads;
using Portal.Infrastructure;
using Portal.Localization;

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
app.UseInterfaceLanguages();
app.UseResponseCompression();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapDownloadEndpoints();
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
    return 1;
}
app.Run();
return 0;
