using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Portal.Infrastructure;

namespace Portal.Features.Feeds;

/// <summary>
/// Writes an Atom 1.0 feed (RFC 4287) with System.ServiceModel.Syndication, with paging links (RFC 5005),
/// language tags on every entry and link, and conditional GET.
/// </summary>
public static class AtomFeedResponse
{
    public const string MediaType = "application/atom+xml";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>A feed with no entries has no date of its own; this fixed one keeps its validators stable.</summary>
    private static readonly DateTimeOffset EmptyFeedUpdated = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IResult Create(HttpContext http, FeedHeader header, IReadOnlyList<FeedEntry> entries, int page, bool hasMore)
    {
        var updated = entries.Count == 0 ? EmptyFeedUpdated : entries.Max(e => e.Updated);
        var self = RequestUrls.Absolute(http, FeedRoutes.WithPage(header.SelfPath, page));
        var feed = new SyndicationFeed(header.Title, "", new Uri(RequestUrls.Absolute(http, header.PagePath)), self, updated)
        {
            Generator = "UN Documents Portal",
        };
        feed.Authors.Add(new SyndicationPerson { Name = "United Nations" });
        feed.Links.Add(new SyndicationLink(new Uri(self), "self", null, MediaType, 0));
        feed.Links.Add(new SyndicationLink(new Uri(RequestUrls.Absolute(http, header.SelfPath)), "first", null, MediaType, 0));
        if (page > 1)
        {
            feed.Links.Add(new SyndicationLink(new Uri(RequestUrls.Absolute(http, FeedRoutes.WithPage(header.SelfPath, page - 1))), "previous", null, MediaType, 0));
        }
        if (hasMore && page < FeedRoutes.MaxPage)
        {
            feed.Links.Add(new SyndicationLink(new Uri(RequestUrls.Absolute(http, FeedRoutes.WithPage(header.SelfPath, page + 1))), "next", null, MediaType, 0));
        }
        feed.Items = entries.Select(e => Item(http, e)).ToList();

        var bytes = TextOnlyXmlWriter.Write(new Atom10FeedFormatter(feed).WriteTo);
        if (ConditionalGet.IsNotModified(http, ConditionalGet.TagOf(bytes), updated))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(bytes, MediaType + "; charset=utf-8");
    }

    private static SyndicationItem Item(HttpContext http, FeedEntry entry)
    {
        var item = new SyndicationItem
        {
            Id = RequestUrls.Absolute(http, entry.IdPath),
            Title = new TextSyndicationContent(entry.Title),
            Summary = new TextSyndicationContent(entry.Summary),
            LastUpdatedTime = entry.Updated,
        };
        if (entry.Published is { } published)
        {
            item.PublishDate = published;
        }
        item.AttributeExtensions.Add(new XmlQualifiedName("lang", XmlNamespace), entry.Language);
        // The entry's own link carries no hreflang: Atom allows one alternate per type and language, and the
        // language versions follow with theirs.
        item.Links.Add(Link(http, "alternate", entry.Path, null, null));
        foreach (var alternate in entry.Alternates)
        {
            item.Links.Add(Link(http, "alternate", alternate.Path, alternate.Language, alternate.Title));
        }
        foreach (var category in entry.Categories)
        {
            item.Categories.Add(new SyndicationCategory(category));
        }
        return item;
    }

    private static SyndicationLink Link(HttpContext http, string relation, string path, string? language, string? title)
    {
        var link = new SyndicationLink(new Uri(RequestUrls.Absolute(http, path)), relation, title, "text/html", 0);
        if (language is not null)
        {
            link.AttributeExtensions.Add(new XmlQualifiedName("hreflang"), language);
        }
        return link;
    }
}
