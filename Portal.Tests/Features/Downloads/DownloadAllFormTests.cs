using Bunit;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Features.Downloads;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Downloads;

public class DownloadAllFormTests : MudTestContext
{
    [Fact]
    public void TheFormatPickerNamesFormatsAsPeopleSayThem()
    {
        var form = Render<DownloadAllForm>(p => p.Add(c => c.Organ, Organ.GeneralAssembly).Add(c => c.Session, 75).Add(c => c.AgendaItem, 71));

        var formats = form.Find("input[role='combobox'][aria-label='Formats']");
        Assert.Equal("PDF", formats.GetAttribute("value"));
        Assert.Equal("PDF", DownloadFormats.Label(DownloadFormat.Pdf));
        Assert.Equal("Word", DownloadFormats.Label(DownloadFormat.Docx));
        Assert.Equal("Original", DownloadFormats.Label(DownloadFormat.Original));
    }
}
