using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Portal.Data;
using Portal.Data.Search;
using Portal.Features.Accounts;
using Portal.Data.Seed;
using Portal.Features.AgendaItems;
using Portal.Features.Alerts;
using Portal.Features.Api;
using Portal.Features.Archives;
using Portal.Features.Citations;
using Portal.Features.Documents;
using Portal.Features.Dumps;
using Portal.Features.Feeds;
using Portal.Features.Files;
using Portal.Features.Home;
using Portal.Features.Rendering;
using Portal.Features.Portability;
using Portal.Features.Search;
using Portal.Features.Sessions;
using Portal.Features.Today;
using Portal.Infrastructure;
using Portal.Localization;
using Portal.Storage;

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

        services.AddOptions<FileSweepOptions>()
            .BindConfiguration(FileSweepOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // A prerendered page hands its data to the circuit as persisted state, which the browser sends
        // back in one hub message when the circuit starts: 35-65 KB for a page of search results on the
        // demo data, more for long documents. SignalR's default limit (32 KB) closed those circuits, so
        // the page never became interactive. Per-address limits (ClientLimits) bound the cost.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 2 * 1024 * 1024);
        services.AddPortalClientLimits();
        services.AddCascadingAuthenticationState();
        services.AddScoped<PublicUrls>();
        services.AddMudServices();
        services.AddInterfaceLanguages();
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddPortalHealthChecks();
        services.AddHostedService<DatabaseWatch>();
        services.AddRequestHardening(builder.Configuration);
        // Documents are long text and delegates are often on slow links. Compression stays off for
        // HTTPS (the default) because pages reflect user input; TLS-terminating proxies compress there.
        services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            // Pages only: static assets come precompressed from MapStaticAssets, and document
            // downloads must keep their exact bytes for ranges and hashes.
            o.MimeTypes = ["text/html"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        // Chinese, Arabic and Cyrillic text goes out as characters, not &#x..; entities: pages are
        // several times smaller and stay readable in "view source" and to crawlers.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddMemoryCache();
        services.AddPortalDatabase(builder.Configuration, builder.Environment);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DemoDataSeeder>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<CurrentViewer>();
        services.AddPortalAccounts();
        services.AddSingleton<Portal.Features.Administration.AccountDirectory>();
        services.AddSingleton<Portal.Features.Editing.DocumentEditor>();
        services.AddSingleton<Portal.Features.Editing.ManagedDocumentQueries>();
        services.AddSingleton<Portal.Features.Editing.AuditLog>();
        services.AddOptions<Portal.Features.Editing.UploadOptions>().BindConfiguration(Portal.Features.Editing.UploadOptions.SectionName);
        services.AddSingleton<Portal.Features.Editing.DocumentUploads>();
        services.AddOptions<Portal.Features.Editing.DerestrictionOptions>().BindConfiguration(Portal.Features.Editing.DerestrictionOptions.SectionName);
        services.AddSingleton<Portal.Features.Editing.ScheduledDerestriction>();
        services.AddHostedService(sp => sp.GetRequiredService<Portal.Features.Editing.ScheduledDerestriction>());
        services.AddOptions<Portal.Features.Ingestion.IngestionOptions>().BindConfiguration(Portal.Features.Ingestion.IngestionOptions.SectionName);
        services.AddSingleton<Portal.Features.Ingestion.IngestionWakeUp>();
        services.AddSingleton<Portal.Features.Ingestion.IngestionCommands>();
        services.AddSingleton<Portal.Features.Ingestion.IngestionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Portal.Features.Ingestion.IngestionWorker>());

        services.AddSingleton<SessionQueries>();
        services.AddSingleton<AgendaItemQueries>();
        services.AddSingleton<DocumentQueries>();
        services.AddSingleton<DocumentDownloadQueries>();
        services.AddSingleton<JournalQueries>();
        services.AddSingleton<PrintedDocumentQueries>();
        services.AddScoped<ReindexCommand>();
        services.AddScoped<ExportCommand>();
        services.AddScoped<ImportCommand>();
        services.AddSingleton<FacetFacts>();
        services.AddSingleton(sp => new SearchQueries(sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(), sp.GetRequiredService<ISearchIndex>(),
            sp.GetRequiredService<DocumentQueries>(), sp.GetRequiredService<FacetFacts>(), sp.GetRequiredService<SessionQueries>())
        {
            MaxMatchedVersions = sp.GetRequiredService<IOptions<PortalOptions>>().Value.SearchMatchLimit,
        });
        services.AddSingleton<SearchWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchWarmUp>());
        services.AddSingleton<SessionCountsWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionCountsWarmUp>());

        services.AddPortalAlerts();
        services.AddPortalDumps();
        services.AddSingleton<TodayQueries>();
        services.AddSingleton<FeedQueries>();
        services.AddSingleton<ApiQueries>();
        services.AddSingleton<CitationQueries>();
        services.AddOptions<Portal.Features.Oai.OaiOptions>().BindConfiguration(Portal.Features.Oai.OaiOptions.SectionName)
            .Validate(o => o.IsValid(), "Portal:Oai needs a PageSize from 1 to 1000, an AdminEmail address and a RepositoryName.").ValidateOnStart();
        services.AddSingleton<Portal.Features.Oai.OaiQueries>();
        services.AddSingleton<Portal.Features.Oai.OaiResumptionTokens>();
        services.AddSingleton<Portal.Features.Oai.OaiProtocol>();
        // The OpenAPI document describes the open API only, not the pages, files and feeds.
        services.AddOpenApi(o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true);
        services.AddPublicReadCors();

        services.AddPortalFileStore(builder.Configuration);
        services.AddSingleton<DocumentFileCommands>();
        services.AddSingleton<StoredFileSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<StoredFileSweeper>());
        services.AddSingleton<FileQueries>();
        services.AddSingleton<DocumentPdfRenderer>();
        services.AddHostedService(sp => sp.GetRequiredService<DocumentPdfRenderer>());
        services.AddSingleton<DownloadContents>();
        services.AddSingleton<ArchiveQueries>();
        services.AddSingleton<ArchiveWriter>();
        services.AddSingleton<DownloadCounter>();
        services.AddHostedService(sp => sp.GetRequiredService<DownloadCounter>());
        services.AddSingleton<DemoFiles>();

        return builder;
    }
}
