namespace Portal.Storage;

/// <summary>The media types of the files the portal stores, generates and serves.</summary>
public static class MediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Markdown = "text/markdown; charset=utf-8";
    public const string Text = "text/plain; charset=utf-8";
}
