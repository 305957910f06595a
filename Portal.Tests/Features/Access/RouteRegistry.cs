namespace Portal.Tests.Features.Access;

/// <summary>
/// One route or endpoint of the portal, as ASP.NET Core's routing knows it (<see cref="Pattern"/> is the
/// endpoint's <c>RoutePattern.RawText</c>), with the addresses the security crawler requests for it.
/// In <see cref="Samples"/>, <c>{id}</c>, <c>{symbol}</c> and <c>{marker}</c> stand for each crawled
/// document's id, symbol and marker words (the address is requested once per document); an entry
/// with no samples says in <see cref="NotCrawled"/> why a GET crawler cannot reach it.
/// </summary>
public sealed record RouteEntry(string Pattern, IReadOnlyList<string> Samples, string? NotCrawled = null)
{
    public bool PerDocument => Samples.Any(s => s.Contains("{id}", StringComparison.Ordinal) || s.Contains("{symbol}", StringComparison.Ordinal) || s.Contains("{marker}", StringComparison.Ordinal));
}

/// <summary>
/// Every route and endpoint of the portal, in one place. <see cref="RouteRegistryTests"/> fails when the
/// running app maps a route that is missing here, so a new endpoint cannot escape the access crawler
/// (<see cref="SecurityCrawlerTests"/>), which starts from these samples and then follows every link.
/// Sessions and agenda items are the crawler's own: GA 80, item 5.
/// </summary>
public static class RouteRegistry
{
    public static IReadOnlyList<RouteEntry> All { get; } =
    [
        // Pages
        new("/", ["/", "/?ui=en"]),
        new("/sessions", ["/sessions"]),
        new("/sessions/{OrganSlug}/{Number:int}", ["/sessions/ga/80", "/sessions/ga/81"]),
        new("/sessions/{OrganSlug}/{Session:int}/items/{Number:int}", ["/sessions/ga/80/items/5", "/sessions/ga/80/items/5?sort=date&dir=desc", "/sessions/ga/80/items/6"]),
        new("/documents/{Id:int}", ["/documents/{id}"]),
        new("/documents/{Id:int}/{Language}", ["/documents/{id}/en"]),
        new("/{*Path}", ["/{symbol}", "/fr/{symbol}", "/{symbol}?left=en&right=fr", "/A/80/99999", "/no/such/page"]),
        new("/search", ["/search", "/search?q={marker}", "/search?q=crawler", "/search?q=crawler&distribution=Restricted", "/search?q=crawler&session=GA%2F80"]),
        new("/today", ["/today", "/today?date=2025-10-01"]),
        new("/not-found", ["/not-found"]),
        new("/error", ["/error"]),
        new("/alerts", ["/alerts"]),
        new("/alerts/subscribe", ["/alerts/subscribe", "/alerts/subscribe?q={marker}"]),
        new("/alerts/confirm/{Token}", ["/alerts/confirm/not-a-token"]),
        new("/alerts/unsubscribe/{Token}", ["/alerts/unsubscribe/not-a-token"]),
        new("/alerts/unsubscribe/{token}/one-click", ["/alerts/unsubscribe/not-a-token/one-click"]),
        new("/alerts/manage/{Token}", ["/alerts/manage/not-a-token"]),

        // Accounts
        new("/account", ["/account"]),
        new("/account/sign-in", ["/account/sign-in", "/account/sign-in?returnUrl=%2Fdocuments%2F3"]),
        new("/account/sign-in/two-factor", ["/account/sign-in/two-factor"]),
        new("/account/sign-in/recovery-code", ["/account/sign-in/recovery-code"]),
        new("/account/forgot-password", ["/account/forgot-password"]),
        new("/account/reset-password", ["/account/reset-password"]),
        new("/account/change-password", ["/account/change-password"]),
        new("/account/two-factor", ["/account/two-factor"]),
        new("/account/two-factor/set-up", ["/account/two-factor/set-up"]),
        new("/account/access-denied", ["/account/access-denied"]),
        new("/account/api-tokens", ["/account/api-tokens"]),
        new("/account/sign-out", [], NotCrawled: "POST only: signing out is a state change with an antiforgery token (SignInTests)"),

        // The Secretariat's pages
        new("/manage/documents", ["/manage/documents", "/manage/documents?q={marker}"]),
        new("/manage/documents/new", ["/manage/documents/new"]),
        new("/manage/documents/{Id:int}", ["/manage/documents/{id}"]),
        new("/manage/audit", ["/manage/audit"]),
        new("/manage/accounts", ["/manage/accounts"]),
        new("/manage/mission", ["/manage/mission"]),
        new("/manage/ingest", ["/manage/ingest"]),
        new("/manage/dumps", ["/manage/dumps"]),
        new("/manage/ingest/batches/{Id:int}", ["/manage/ingest/batches/1"]),
        new("/manage/ingest/files/{Id:int}", ["/manage/ingest/files/1"]),
        new("/manage/ingest/files/{id:int}/source.pdf", ["/manage/ingest/files/1/source.pdf"]),

        // Files, generated PDFs, text renditions, archives and citations
        new("/documents/{id:int}/{language:regex(^[A-Za-z]{{2}}$)}.{format}", ["/documents/{id}/en.pdf", "/documents/{id}/en.docx", "/documents/{id}/en.md", "/documents/{id}/fr.txt"]),
        new("/{**path:regex(^.+/[A-Za-z]{{2}}\\.[A-Za-z]{{2,8}}$)}", ["/{symbol}/en.pdf", "/{symbol}/fr.md", "/{symbol}/en.original"]),
        new("/sessions/{organ}/{session:int}/items/{item:int}/download.zip", ["/sessions/ga/80/items/5/download.zip?lang=en&format=md", "/sessions/ga/80/items/5/download.zip?lang=en&format=pdf", "/sessions/ga/80/items/5/download.zip?lang=fr&format=txt"]),
        new("/sessions/{organ}/{session:int}/download.zip", ["/sessions/ga/80/download.zip?lang=en&format=md", "/sessions/ga/80/download.zip?lang=en&format=original"]),
        new("/documents/{id:int}/cite/{format}", ["/documents/{id}/cite/bibtex", "/documents/{id}/cite/csl-json"]),

        // Feeds and sitemaps
        new("/feeds/{organ:regex(^(ga|sc|ecosoc)$)}", ["/feeds/ga"]),
        new("/feeds/sessions/{organ}/{session:int}", ["/feeds/sessions/ga/80"]),
        new("/feeds/sessions/{organ}/{session:int}/items/{item:int}", ["/feeds/sessions/ga/80/items/5"]),
        new("/feeds/today", ["/feeds/today"]),
        new("/feeds/search", ["/feeds/search?q={marker}", "/feeds/search?q=crawler"]),
        new("/robots.txt", ["/robots.txt"]),
        new("/sitemap.xml", ["/sitemap.xml"]),
        new("/sitemaps/sessions.xml", ["/sitemaps/sessions.xml"]),
        new("/sitemaps/documents-{block:int}.xml", ["/sitemaps/documents-1.xml", "/sitemaps/documents-2.xml"]),

        // The API
        new("/api/v1/documents", ["/api/v1/documents", "/api/v1/documents?session=GA/80", "/api/v1/documents?q={marker}"]),
        new("/api/v1/documents/{id:int}", ["/api/v1/documents/{id}"]),
        new("/api/v1/documents/by-symbol/{**symbol}", ["/api/v1/documents/by-symbol/{symbol}"]),
        new("/api/v1/sessions", ["/api/v1/sessions"]),
        new("/api/v1/sessions/{organ}/{number:int}", ["/api/v1/sessions/ga/80"]),
        new("/api/v1/sessions/{organ}/{number:int}/items/{item:int}", ["/api/v1/sessions/ga/80/items/5"]),
        new("/api/v1/search", ["/api/v1/search?q={marker}", "/api/v1/search?q=crawler"]),
        new("/api/v1/dumps", ["/api/v1/dumps"]),
        new("/calendar/derestrictions.ics", ["/calendar/derestrictions.ics"]),
        new("/calendar/issued.ics", ["/calendar/issued.ics", "/calendar/issued.ics?from=2025-01-01&to=2025-12-31"]),
        new("/api/v1/dumps/latest.json", ["/api/v1/dumps/latest.json"]),
        new("/api/v1/dumps/latest.jsonl.gz", ["/api/v1/dumps/latest.jsonl.gz"]),
        new("/api/{**rest}", ["/api/v1/nothing", "/api/v2/documents/3"]),
        new("/openapi/v1.json", ["/openapi/v1.json"]),
        new("/api/reference/{documentName?}", ["/api/reference/", "/api/reference/v1"]),
        new("/api/reference/scalar.js", ["/api/reference/scalar.js"]),
        new("/api/reference/scalar.aspnetcore.js", ["/api/reference/scalar.aspnetcore.js"]),
        new("/api/reference/favicon.svg", ["/api/reference/favicon.svg"]),

        // OAI-PMH (anonymous whoever asks; the identifier's host is the crawler's 127.0.0.1)
        new("/oai", [
            "/oai?verb=Identify", "/oai?verb=ListSets", "/oai?verb=ListMetadataFormats&identifier=oai:127.0.0.1:{id}",
            "/oai?verb=ListRecords&metadataPrefix=marcxml", "/oai?verb=ListRecords&metadataPrefix=oai_dc&set=ga:80",
            "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=ga:81", "/oai?verb=GetRecord&metadataPrefix=marcxml&identifier=oai:127.0.0.1:{id}",
            "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:127.0.0.1:{id}"]),

        // Infrastructure
        new("/healthz", ["/healthz"]),
        new("/health/live", ["/health/live"]),
        new("/health/ready", ["/health/ready"]),
        new("{**path:file}", ["/no-such-file.png", "/documents/3.json"]),
        new("/interface-language", ["/interface-language?language=en&return=%2Fdocuments%2F3"]),
        new("/interface-theme", ["/interface-theme?theme=dark&return=%2Fdocuments%2F3", "/interface-theme?theme=light&return=%2Fdocuments%2F3"]),
    ];
}
