using System.Globalization;
using System.Xml;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Storage;

namespace Portal.Features.Oai;

/// <summary>A metadata format the repository disseminates: its prefix, schema and namespace, and how it writes a record.</summary>
public sealed record OaiFormat(string Prefix, string Schema, string Namespace);

/// <summary>
/// A document as unqualified Dublin Core (<c>oai_dc</c>) and as MARCXML (<c>marcxml</c>) with the fields the UN
/// Digital Library uses: 191 symbol (series and session), 245 title, 269 date, 710 sender, 991 agenda information,
/// 041 languages, 856 file links. Written with an <see cref="XmlWriter"/>, so every value is escaped.
/// </summary>
public static class OaiMetadataWriter
{
    public const string DublinCoreFormatNamespace = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    public const string MarcNamespace = "http://www.loc.gov/MARC21/slim";
    private const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    public static readonly OaiFormat DublinCore = new("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", DublinCoreFormatNamespace);
    public static readonly OaiFormat Marc = new("marcxml", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", MarcNamespace);

    public static IReadOnlyList<OaiFormat> Formats { get; } = [DublinCore, Marc];

    /// <summary>Writes the record's metadata in <paramref name="format"/>; <paramref name="absolute"/> turns a site path into a URL.</summary>
    public static void Write(XmlWriter writer, OaiFormat format, OaiDocument document, Func<string, string> absolute)
    {
        if (format == Marc)
        {
            WriteMarc(writer, document, absolute);
        }
        else
        {
            WriteDublinCore(writer, document, absolute);
        }
    }

    private static void WriteDublinCore(XmlWriter writer, OaiDocument document, Func<string, string> absolute)
    {
        writer.WriteStartElement("oai_dc", "dc", DublinCoreFormatNamespace);
        writer.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
        writer.WriteAttributeString("xmlns", "xsi", null, SchemaInstance);
        writer.WriteAttributeString("xsi", "schemaLocation", SchemaInstance, $"{DublinCoreFormatNamespace} {DublinCore.Schema}");
        var versions = document.Versions.OrderBy(v => UnLanguage.OrderOf(v.Language)).ToList();
        var (title, titleLanguage) = Title(document);
        Dc(writer, "title", title, titleLanguage);
        foreach (var version in versions.Where(v => v.Language != titleLanguage && !string.IsNullOrWhiteSpace(v.Title)))
        {
            Dc(writer, "title", version.Title, version.Language);
        }
        Dc(writer, "creator", document.Sender);
        Dc(writer, "publisher", "United Nations");
        Dc(writer, "date", Date(document));
        Dc(writer, "type", "Text");
        Dc(writer, "type", Word(document.Kind));
        Dc(writer, "description", $"Distr.: {document.Distribution}");
        foreach (var item in document.AgendaItems)
        {
            Dc(writer, "subject", $"{SessionNames.Slug(item.Organ).ToUpperInvariant()} {item.Session.ToString(CultureInfo.InvariantCulture)}, agenda item {item.Number.ToString(CultureInfo.InvariantCulture)}: {item.Title}");
        }
        foreach (var symbol in document.Symbols)
        {
            Dc(writer, "identifier", symbol);
        }
        Dc(writer, "identifier", absolute(SiteUrls.Document(document.Id, document.Symbols)));
        foreach (var version in versions)
        {
            Dc(writer, "language", version.Language);
        }
        foreach (var mediaType in versions.SelectMany(v => v.Files).Select(f => f.MediaType).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Dc(writer, "format", mediaType);
        }
        foreach (var reference in document.References)
        {
            Dc(writer, "relation", reference);
        }
        writer.WriteEndElement();
    }

    private static void Dc(XmlWriter writer, string element, string? value, string? language = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        writer.WriteStartElement("dc", element, DublinCoreNamespace);
        if (language is not null)
        {
            writer.WriteAttributeString("xml", "lang", null, language);
        }
        writer.WriteString(value);
        writer.WriteEndElement();
    }

    private static void WriteMarc(XmlWriter writer, OaiDocument document, Func<string, string> absolute)
    {
        writer.WriteStartElement("marc", "record", MarcNamespace);
        writer.WriteAttributeString("xmlns", "xsi", null, SchemaInstance);
        writer.WriteAttributeString("xsi", "schemaLocation", SchemaInstance, $"{MarcNamespace} {Marc.Schema}");
        writer.WriteAttributeString("type", "Bibliographic");
        // Leader: new record (n), language material (a), monograph (m), Unicode (a), full-level encoding.
        writer.WriteElementString("marc", "leader", MarcNamespace, "00000nam a2200000   4500");
        ControlField(writer, "001", document.Id.ToString(CultureInfo.InvariantCulture));

        var versions = document.Versions.OrderBy(v => UnLanguage.OrderOf(v.Language)).ToList();
        var languages = versions.Select(v => ("a", (string?)MarcLanguage(v.Language))).ToList();
        if (document.OriginalLanguage is { } original)
        {
            languages.Add(("h", MarcLanguage(original)));
        }
        DataField(writer, "041", ' ', ' ', languages);

        foreach (var symbol in document.Symbols)
        {
            var (series, session) = SeriesAndSession(symbol);
            DataField(writer, "191", ' ', ' ', [("a", symbol), ("b", series), ("c", session)]);
        }
        var (title, _) = Title(document);
        DataField(writer, "245", '1', '0', [("a", title)]);
        DataField(writer, "269", ' ', ' ', [("a", Date(document))]);
        DataField(writer, "710", '2', ' ', [("a", document.Sender)]);
        foreach (var item in document.AgendaItems)
        {
            // $a would be the agenda's own symbol (A/75/251), which the portal does not hold; the item's number and title it does.
            DataField(writer, "991", ' ', ' ', [("b", item.Number.ToString(CultureInfo.InvariantCulture)), ("d", item.Title)]);
        }
        foreach (var version in versions)
        {
            var language = UnLanguage.TryParse(version.Language, out var known) ? known.EnglishName : version.Language;
            foreach (var (format, file) in Files(version))
            {
                DataField(writer, "856", '4', '0', [
                    ("u", absolute(SiteUrls.File(document.Id, document.Symbols, version.Language, format))),
                    ("q", file?.MediaType ?? MediaTypes.Pdf),
                    ("s", file?.Length.ToString(CultureInfo.InvariantCulture)),
                    ("y", language)]);
            }
        }
        writer.WriteEndElement();
    }

    /// <summary>The files of a version as issued; when no PDF was issued, the PDF the portal renders from the text (no size until made).</summary>
    private static IEnumerable<(DownloadFormat Format, OaiFile? File)> Files(OaiVersion version)
    {
        foreach (var format in new[] { DownloadFormat.Pdf, DownloadFormat.Docx, DownloadFormat.Original })
        {
            var stored = version.Files.FirstOrDefault(f => f.Format == DownloadFormats.StoredAs(format));
            if (stored is not null)
            {
                yield return (format, stored);
            }
            else if (format == DownloadFormat.Pdf)
            {
                yield return (format, null);
            }
        }
    }

    private static void ControlField(XmlWriter writer, string tag, string value)
    {
        writer.WriteStartElement("marc", "controlfield", MarcNamespace);
        writer.WriteAttributeString("tag", tag);
        writer.WriteString(value);
        writer.WriteEndElement();
    }

    /// <summary>A data field with its non-empty subfields; none at all writes nothing (the schema wants one at least).</summary>
    private static void DataField(XmlWriter writer, string tag, char ind1, char ind2, IReadOnlyList<(string Code, string? Value)> subfields)
    {
        var present = subfields.Where(s => !string.IsNullOrWhiteSpace(s.Value)).ToList();
        if (present.Count == 0)
        {
            return;
        }
        writer.WriteStartElement("marc", "datafield", MarcNamespace);
        writer.WriteAttributeString("tag", tag);
        writer.WriteAttributeString("ind1", ind1.ToString());
        writer.WriteAttributeString("ind2", ind2.ToString());
        foreach (var (code, value) in present)
        {
            writer.WriteStartElement("marc", "subfield", MarcNamespace);
            writer.WriteAttributeString("code", code);
            writer.WriteString(value);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static (string Title, string Language) Title(OaiDocument document)
    {
        var picked = TitlePreference.Pick(document.CatalogTitle, document.Versions.Select(v => new VersionTitle(v.Language, v.Title)).ToList());
        return (picked.Title, picked.Language);
    }

    private static string? Date(OaiDocument document) => (document.IssuedOn ?? document.DatedOn)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>MARC language codes (ISO 639-2/B), as the Digital Library's 041 gives them.</summary>
    public static string MarcLanguage(string code) => code switch
    {
        "ar" => "ara",
        "zh" => "chi",
        "en" => "eng",
        "fr" => "fre",
        "ru" => "rus",
        "es" => "spa",
        _ => code,
    };

    /// <summary>191 $b and $c: <c>A/75/778</c> is series <c>A/</c>, session <c>75</c>; <c>S/2021/177</c> is <c>S/</c>, year <c>2021</c>.</summary>
    public static (string? Series, string? Session) SeriesAndSession(string symbol)
    {
        var parts = symbol.Split('/');
        var numbered = Array.FindIndex(parts, p => p.Length > 0 && p.All(char.IsAsciiDigit));
        return numbered <= 0 ? (null, null) : (string.Join('/', parts[..numbered]) + "/", parts[numbered]);
    }
}
