using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;
using Portal.Data;
using Portal.Features.AgendaItems;
using Portal.Features.Documents;
using Portal.Features.Downloads;
using Portal.Features.Sessions;
using Portal.Infrastructure;

namespace Portal;

/// <summary>Every service the portal registers, in one readable place.</summary>
public static class PortalServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptions<PortalOptions>()
            .BindConfiguration(PortalOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddProblemDetails();
        // Chinese, Arabic and Cyrillic text goes out as characters, not &#x..; entities: pages are
        // several times smaller and stay readable in "view source" and to crawlers.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddPortalDatabase(builder.Configuration, builder.Environment);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DemoDataSeeder>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<CurrentViewer>();

        services.AddSingleton<SessionQueries>();
        services.AddSingleton<AgendaItemQueries>();
        services.AddSingleton<DocumentQueries>();

        services.AddSingleton<IDocumentFileStore, LocalDocumentFileStore>();
        services.AddSingleton<DocumentFileCommands>();
        services.AddSingleton<StoredFileSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<StoredFileSweeper>());
        services.AddSingleton<DownloadQueries>();
        services.AddSingleton<DocumentPdfRenderer>();
        services.AddSingleton<DownloadContents>();
        services.AddSingleton<ArchiveWriter>();
        services.AddSingleton<DownloadCounter>();
        services.AddHostedService(sp => sp.GetRequiredService<DownloadCounter>());
        services.AddSingleton<DemoFiles>();

        return builder;
    }
}
