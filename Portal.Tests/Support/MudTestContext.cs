using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Infrastructure;

namespace Portal.Tests.Support;

/// <summary>bUnit context with MudBlazor's services, loose JS interop and the portal's renderers.</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<MarkdownRenderer>();
        AddAuthorization();
        Services.AddScoped<CurrentViewer>();
        Services.AddOptions();
        Services.AddScoped<PublicUrls>();
    }
}
