using Portal;
using Portal.Components;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Downloads;
using Portal.Infrastructure;

// Development under `dotnet run` unless ASPNETCORE_ENVIRONMENT says otherwise (see LaunchEnvironment).
LaunchEnvironment.ApplyDefault();
// `create-admin --email …` runs once against the database and exits (CreateAdminCommand).
var createAdmin = CreateAdminCommand.Match(args);
var builder = WebApplication.CreateBuilder(createAdmin is null ? args : []);
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
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UsePortalAccounts();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapDownloadEndpoints();
app.MapAccountEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AnswerHeadLikeGet();

try
{
    await app.InitializePortalDatabaseAsync();
    await AccountRoleSetup.EnsureRolesAsync(app.Services);
}
catch (PortalStartupException e)
{
    app.Logger.LogCritical("The portal did not start: {Reason}", e.Message);
    return 1;
}
if (createAdmin is not null)
{
    await using var scope = app.Services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<CreateAdminCommand>().RunAsync(createAdmin, Console.Out);
}
app.Run();
return 0;
