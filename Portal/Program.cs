using Portal;
using Portal.Components;
using Portal.Data;
using Portal.Data.SyntheticCorpus;
using Portal.Features.Downloads;
using Portal.Infrastructure;

if (args is [CorpusCommand.Name, .. var corpusArgs])
{
    return await CorpusCommand.RunAsync(corpusArgs);
}

var builder = WebApplication.CreateBuilder(args);
// The web root is the repository's top-level wwwroot/, linked into the build as static web assets.
builder.WebHost.UseStaticWebAssets();
builder.AddPortal();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UsePortalClientLimits();
app.UseResponseCompression();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapDownloadEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.InitializePortalDatabaseAsync();
app.Run();
return 0;
