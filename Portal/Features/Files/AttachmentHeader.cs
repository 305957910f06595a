using Microsoft.Net.Http.Headers;

namespace Portal.Features.Files;

/// <summary>How a download is offered to be saved: its file names in the Content-Disposition header.</summary>
public static class AttachmentHeader
{
    /// <summary>An attachment's Content-Disposition: the ASCII name as <c>filename</c>, the full one as <c>filename*</c>.</summary>
    public static string ContentDisposition(string fileName, string? asciiFileName)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        if (asciiFileName is not null)
        {
            disposition.FileName = asciiFileName;
        }
        return disposition.ToString();
    }
}
