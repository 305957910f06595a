using System.Diagnostics;
using System.Text.Json;
using Portal.Tests.Support;

namespace Portal.Tests.Accessibility;

/// <summary>
/// The Nu HTML checker (vnu.jar, run with Java) on the first HTML response of every kind of page: no
/// error except those listed in <see cref="FromMudBlazorOrBlazor"/>, which the portal's markup cannot avoid.
/// </summary>
public class HtmlValidityTests(HtmlValidityTests.Fixture fixture) : IClassFixture<HtmlValidityTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    /// <summary>Errors that come from MudBlazor's or Blazor's own markup, matched by the start of the message.</summary>
    private static readonly string[] FromMudBlazorOrBlazor =
    [
        // MudBlazor's own <style> elements: the theme's CSS (rules the checker does not know), and those its components write in <body>.
        "The selector “",
        "A “style” element in “body” must be the first child of its parent.",
        // Blazor prerenders @onclick:stopPropagation (MudIconButton, MudButton, MudSelect) as these attributes.
        "Attribute “__internal_stoppropagation_",
        // MudNavGroup renders its title as a <div> inside its toggle <button>.
        "Element “div” not allowed as child of element “button”",
    ];

    [Theory]
    [MemberData(nameof(AccessibilityPages.All), MemberType = typeof(AccessibilityPages))]
    public async Task PageHasNoHtmlErrorsOfItsOwn(string path)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var file = Path.Combine(fixture.DataPath, $"page-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);

        var errors = (await CheckAsync(file))
            .Where(e => !FromMudBlazorOrBlazor.Any(allowed => e.Message.StartsWith(allowed, StringComparison.Ordinal)))
            .ToArray();

        Assert.True(errors.Length == 0, $"{path}:\n" + string.Join("\n", errors.Select(e => $"line {e.LastLine}: {e.Message} [{e.Extract}]")));
    }

    private static async Task<VnuMessage[]> CheckAsync(string file)
    {
        var java = new ProcessStartInfo("java", ["-jar", NodeTools.VnuJar, "--errors-only", "--format", "json", file])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(java)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync(); // vnu writes its JSON report to stderr
        await process.WaitForExitAsync();
        var report = stderr.Length > 0 ? stderr : await stdout;
        return JsonSerializer.Deserialize<Report>(report, JsonSerializerOptions.Web)!.Messages
            .Where(m => m.Type == "error")
            .ToArray();
    }

    private sealed record Report(VnuMessage[] Messages);

    private sealed record VnuMessage(string Type, string Message, int LastLine, string? Extract);
}
