using Portal.Domain;

namespace Portal.Data.Entities;

/// <summary>The kinds of file a language version can carry.</summary>
public enum FileFormat
{
    Pdf = 1,
    Docx = 2,
    /// <summary>The file as the submitting mission sent it, whatever its type.</summary>
    Original = 3,
}

/// <summary>
/// A file of a language version. The bytes live in the content-addressed file store under
/// <see cref="Sha256"/>, so identical files are stored once however many rows point at them.
/// At most one file per version and format.
/// </summary>
public class StoredFile
{
    public int Id { get; set; }
    public int LanguageVersionId { get; set; }
    public LanguageVersion LanguageVersion { get; set; } = null!;
    public FileFormat Format { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content; the file's key in the store.</summary>
    public string Sha256 { get; set; } = "";
    public long Length { get; set; }
    public string MediaType { get; set; } = "application/octet-stream";

    /// <summary>The name the file was uploaded under; only its extension is used, for originals.</summary>
    public string FileName { get; set; } = "";
    public DateTimeOffset StoredAt { get; set; }

    /// <summary>
    /// For a PDF the portal generated from the structured text: the <see cref="LanguageVersion.UpdatedAt"/>
    /// it was generated from, so an edit of the text makes it stale. Null for files that were uploaded.
    /// </summary>
    public DateTimeOffset? GeneratedFrom { get; set; }
}

/// <summary>
/// A key this database put into the file store: the bytes of a language version's file, an ingested file or a bulk dump,
/// whether or not a row still refers to them. The orphan sweep deletes only such keys, never a file this database did not
/// put there: a store may hold the files of a newer database (this one restored from an older backup) or of another portal
/// on the same bucket, which this database cannot tell from garbage.
/// </summary>
public class FileStoreKey
{
    /// <summary>Lower-case hex SHA-256 of the content, as in <see cref="StoredFile.Sha256"/>.</summary>
    public string Sha256 { get; set; } = "";
}

/// <summary>How often a language version of a document was downloaded, in any format.</summary>
public class DownloadCount
{
    public int DocumentId { get; set; }
    public string Language { get; set; } = UnLanguage.English.Code;
    public long Count { get; set; }
    public DateTimeOffset LastDownloadedAt { get; set; }
}
