using System.Text;
using System.Xml;
using Portal.Domain;

namespace Portal.Infrastructure;

/// <summary>
/// An XML writer that replaces the characters XML cannot carry (<see cref="TextCharacters"/>) with U+FFFD, where
/// <see cref="XmlWriter"/> would throw in the middle of a response. The editor refuses such characters and ingestion
/// drops them, but a database from before that, or an import, may still hold some: one document must not break a feed,
/// OAI-PMH or the sitemap for every reader.
/// </summary>
public sealed class TextOnlyXmlWriter(XmlWriter inner) : XmlWriter
{
    /// <summary>The UTF-8 bytes (no byte-order mark) of what <paramref name="write"/> writes.</summary>
    public static byte[] Write(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TextOnlyXmlWriter(Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) })))
        {
            write(writer);
        }
        return buffer.ToArray();
    }

    private static string? Clean(string? text) => text is null ? null : TextCharacters.ReplaceNonText(text);

    public override XmlWriterSettings? Settings => inner.Settings;
    public override WriteState WriteState => inner.WriteState;
    public override string? XmlLang => inner.XmlLang;
    public override XmlSpace XmlSpace => inner.XmlSpace;
    public override void Flush() => inner.Flush();
    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    public override void WriteString(string? text) => inner.WriteString(Clean(text));
    public override void WriteChars(char[] buffer, int index, int count) => inner.WriteString(Clean(new string(buffer, index, count)));
    public override void WriteCData(string? text) => inner.WriteCData(Clean(text));
    public override void WriteComment(string? text) => inner.WriteComment(Clean(text));

    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);
    public override void WriteCharEntity(char ch) => inner.WriteCharEntity(ch);
    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);
    public override void WriteEndAttribute() => inner.WriteEndAttribute();
    public override void WriteEndDocument() => inner.WriteEndDocument();
    public override void WriteEndElement() => inner.WriteEndElement();
    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);
    public override void WriteFullEndElement() => inner.WriteFullEndElement();
    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, text);
    public override void WriteRaw(char[] buffer, int index, int count) => inner.WriteRaw(buffer, index, count);
    public override void WriteRaw(string data) => inner.WriteRaw(data);
    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);
    public override void WriteStartDocument() => inner.WriteStartDocument();
    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);
    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);
    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);
    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
