using Microsoft.Net.Http.Headers;

namespace Portal.Features.Files;

/// <summary>How a download is offered to be saved: its file names in the Content-Disposition header.</summary>
public static class AttachmentHeader
{
    /// <summary>
    /// An attachment's Content-Disposition: the ASCII name as <c>filename</c>, the full one as <c>filename*</c>;
    /// <paramref name="inline"/> for a file shown in the page (the name is then the one "save as" offers).
    /// </summary>
    public static string ContentDisposition(string fileName, string? asciiFileName, bool inline = false)
    {
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(fileName);
        if (asciiFileName is not null)
        {
            disposition.FileName = asciiFileName;
        }
        return disposition.ToString();
    }
}
