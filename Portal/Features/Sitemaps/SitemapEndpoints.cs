using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Features.Sessions;
using Portal.Infrastructure;

namespace Portal.Features.Sitemaps;

/// <summary>
/// <c>/robots.txt</c> and the XML sitemaps (sitemaps.org 0.9): an index at <c>/sitemap.xml</c> naming one
/// sitemap of sessions and agenda items and one per block of <see cref="DocumentsPerSitemap"/> document ids,
/// so a million documents make twenty files and each file is one range scan. Only what anonymous
/// visitors may see is listed, whoever asks.
/// </summary>
public static class SitemapEndpoints
{
    /// <summary>The protocol allows 50,000 URLs per sitemap.</summary>
    public const int DocumentsPerSitemap = 50_000;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSitemapEndpoints(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/robots.txt", methods, Robots).ExcludeFromDescription();
        app.MapMethods("/sitemap.xml", methods, IndexAsync).ExcludeFromDescription();
        app.MapMethods("/sitemaps/sessions.xml", methods, SessionsAsync).ExcludeFromDescription();
        app.MapMethods("/sitemaps/documents-{block:int}.xml", methods, DocumentsAsync).ExcludeFromDescription();
        return app;
    }

    // Search results, feeds, the API and archives are endless or duplicate views of the documents the
    // sitemaps list; crawlers are kept to the pages themselves.
    private static IResult Robots(HttpContext http) => Results.Text(
        $"""
        User-agent: *
        Disallow: /search
        Disallow: /feeds/
        Disallow: /api/
        Disallow: /_blazor
        Allow: /

        Sitemap: {RequestUrls.Absolute(http, "/sitemap.xml")}

        """, "text/plain", Encoding.UTF8);

    private static async Task<IResult> IndexAsync(HttpContext http, IDbContextFactory<PortalDbContext> contexts)
    {
        await using var db = contexts.CreateDbContext();
        var maxId = await db.Documents.MaxAsync(d => (int?)d.Id, http.RequestAborted) ?? 0;
        var blocks = (maxId + DocumentsPerSitemap - 1) / DocumentsPerSitemap;
        return Xml(http, writer =>
        {
            writer.WriteStartElement("sitemapindex", Namespace);
            Entry(writer, "sitemap", RequestUrls.Absolute(http, "/sitemaps/sessions.xml"));
            for (var block = 1; block <= blocks; block++)
            {
                Entry(writer, "sitemap", RequestUrls.Absolute(http, $"/sitemaps/documents-{block.ToString(CultureInfo.InvariantCulture)}.xml"));
            }
            writer.WriteEndElement();
        });
    }

    private static async Task<IResult> SessionsAsync(HttpContext http, IDbContextFactory<PortalDbContext> contexts)
    {
        await using var db = contexts.CreateDbContext();
        var sessions = await db.Sessions.AsNoTracking().OrderBy(s => s.Organ).ThenByDescending(s => s.Number)
            .Select(s => new { s.Organ, s.Number, Items = s.AgendaItems.OrderBy(a => a.Number).Select(a => a.Number).ToList() })
            .ToListAsync(http.RequestAborted);
        return Xml(http, writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            Entry(writer, "url", RequestUrls.Absolute(http, "/"));
            Entry(writer, "url", RequestUrls.Absolute(http, "/sessions"));
            var count = 2;
            foreach (var session in sessions)
            {
                foreach (var path in session.Items.Select(i => SiteUrls.AgendaItem(session.Organ, session.Number, i)).Prepend(SiteUrls.Session(session.Organ, session.Number)))
                {
                    if (count++ < DocumentsPerSitemap)
                    {
                        Entry(writer, "url", RequestUrls.Absolute(http, path));
                    }
                }
            }
            writer.WriteEndElement();
        });
    }

    private static async Task<IResult> DocumentsAsync(int block, HttpContext http, IDbContextFactory<PortalDbContext> contexts)
    {
        if (block < 1)
        {
            return Results.Problem(detail: "Document sitemaps are numbered from 1; /sitemap.xml lists them.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        var first = (long)(block - 1) * DocumentsPerSitemap + 1;
        var last = first + DocumentsPerSitemap - 1;
        if (last > int.MaxValue)
        {
            return Results.Problem(detail: "There is no such document sitemap; /sitemap.xml lists them.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        await using var db = contexts.CreateDbContext();
        var (from, to) = ((int)first, (int)last);
        var documents = await db.Documents.AsNoTracking()
            .Where(DocumentAccess.VisibleTo(Viewer.Anonymous))
            .Where(d => d.Id >= from && d.Id <= to)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, Symbol = d.Symbols.OrderBy(s => s.Position).Select(s => s.Value).FirstOrDefault() })
            .ToListAsync(http.RequestAborted);
        return Xml(http, writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            foreach (var document in documents)
            {
                Entry(writer, "url", RequestUrls.Absolute(http, SiteUrls.Document(document.Id, document.Symbol is null ? [] : [document.Symbol])));
            }
            writer.WriteEndElement();
        });
    }

    private static void Entry(XmlWriter writer, string element, string location)
    {
        writer.WriteStartElement(element, Namespace);
        writer.WriteElementString("loc", Namespace, location);
        writer.WriteEndElement();
    }

    private static IResult Xml(HttpContext http, Action<XmlWriter> write)
    {
        var bytes = TextOnlyXmlWriter.Write(writer =>
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        });
        if (ConditionalGet.IsNotModified(http, ConditionalGet.TagOf(bytes), lastModified: null))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(bytes, "application/xml; charset=utf-8");
    }
}
