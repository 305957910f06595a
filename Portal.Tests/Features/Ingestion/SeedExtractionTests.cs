using Portal.Tests.Support;
using System.Text.Json.Nodes;

namespace Portal.Tests.Features.Ingestion;

/// <summary>
/// `Portal extract` run as the real program (Portal.dll from the test output folder, as `dotnet run
/// --project Portal -- extract` runs it) on the seed letter exactly as shared/seed holds it: every fact its
/// README lists.
/// </summary>
public sealed class SeedExtractionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCommandLineProposesEveryFactOfTheSeedLetter()
    {
        var run = await RunExtractAsync("extract", IngestionFixtureFiles.SeedPath);

        Assert.True(run.ExitCode == 0, run.Error);
        var record = JsonNode.Parse(run.Output)!.AsObject();
        Assert.Null(record["symbols"]);
        Assert.Equal("zh", (string?)record["language"]);
        Assert.Equal(75, (int?)record["session"]);
        Assert.Equal(76, (int?)record["sc_year"]);
        Assert.Equal([34, 71, 72, 135], record["agenda_items"]!.AsArray().Select(i => (int)i!["number"]!));
        Assert.Equal(["预防武装冲突", "人民自决的权利", "促进和保护人权", "保护责任与防止灭绝种族、战争罪、族裔清洗和危害人类罪"],
            record["agenda_items"]!.AsArray().Select(i => (string)i!["title"]!));
        Assert.Equal("letter", (string?)record["kind"]);
        Assert.Equal("2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信", (string?)record["title"]);
        Assert.Equal("2021-03-30", (string?)record["letter_date"]);
        Assert.Equal("Armenia", (string?)record["sender"]);
        Assert.Equal("Secretary-General", (string?)record["addressee"]);
        var signatory = Assert.Single(record["signatories"]!.AsArray())!;
        Assert.Equal("米海尔·马尔加良", (string?)signatory["name"]);
        Assert.Equal("常驻代表, 大使", (string?)signatory["title"]);
        var annex = Assert.Single(record["annexes"]!.AsArray())!;
        Assert.Equal("阿尔扎赫共和国外交部长给秘书长的信", (string?)annex["title"]);
        var annexSignatory = Assert.Single(annex["signatories"]!.AsArray())!;
        Assert.Equal("大卫·巴巴扬", (string?)annexSignatory["name"]);
        Assert.Equal("阿尔扎赫共和国外交部长", (string?)annexSignatory["title"]);
        Assert.Equal(7, (int?)record["footnote_count"]);
        Assert.Equal(["A/75/778", "S/2021/177"], record["replies_to"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(["A/75/778", "S/2021/177"], record["referenced_symbols"]!.AsArray().Select(s => (string)s!));
        Assert.True((double)record["confidence"]!["agenda_items"]! >= 0.9);
    }

    [Fact]
    public async Task AFileThatCannotBeReadGivesAMessageAndAFailingExitCode()
    {
        var junk = Path.Combine(Path.GetTempPath(), $"portal-junk-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(junk, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))], Cancel);
        try
        {
            var run = await RunExtractAsync("extract", junk);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("not a PDF, a Word (.docx) document or text", run.Error);
            Assert.Equal("", run.Output.Trim());
        }
        finally
        {
            File.Delete(junk);
        }
    }

    internal static Task<ProgramRun> RunExtractAsync(params string[] arguments) => PortalProcess.RunAsync(arguments);
}
