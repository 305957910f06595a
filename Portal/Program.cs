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
app.UseResponseCompression();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDownloadEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AnswerHeadLikeGet();

await app.InitializePortalDatabaseAsync();
app.Run();
return 0;
