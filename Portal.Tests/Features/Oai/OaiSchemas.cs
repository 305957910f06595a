using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Portal.Tests.Features.Oai;

/// <summary>
/// The published schemas an OAI-PMH answer must satisfy, vendored in Schemas/ (there is no network in tests):
/// OAI-PMH.xsd (openarchives.org), oai_dc.xsd with the DCMI simpledc20021212.xsd it imports, and the Library of
/// Congress MARC21slim.xsd, and the W3C xml.xsd (xml:lang) that simple DC imports. Imports name their schemas by URL; with no resolver the set matches them by namespace
/// to the files added here.
/// </summary>
public static class OaiSchemas
{
    private static readonly Lazy<XmlSchemaSet> Set = new(Load);

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        foreach (var file in new[] { "OAI-PMH.xsd", "xml.xsd", "simpledc20021212.xsd", "oai_dc.xsd", "MARC21slim.xsd" })
        {
            using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Features", "Oai", "Schemas", file), new XmlReaderSettings { XmlResolver = null });
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    }

    /// <summary>Parses the answer while validating it; every error and every warning (such as an element no schema declares) fails.</summary>
    public static XDocument Validate(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Set.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            XmlResolver = null,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        Assert.True(problems.Count == 0, "The answer does not validate:\n" + string.Join("\n", problems) + "\n" + xml[..Math.Min(xml.Length, 4000)]);
        return document;
    }
}
