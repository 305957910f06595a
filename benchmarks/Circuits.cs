#:package Microsoft.Playwright@1.64.1
#:property ManagePackageVersionsCentrally=false
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
// Opens N interactive Blazor circuits on one page with real Chromium tabs (one browser, one context,
// a handful of renderer processes), so benchmarks/circuits.sh can read the server's memory with them open.
// Usage: dotnet run -c Release benchmarks/Circuits.cs -- <url> <count>
// Prints "open N" once every tab's circuit has rendered (the layout's #portal-interactive marker),
// then waits for a line on stdin, closes the tabs the way a browser does, and prints "closed".
using Microsoft.Playwright;

var url = args[0];
var count = int.Parse(args[1]);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--renderer-process-limit=4",
        "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
});
var context = await browser.NewContextAsync();
var pages = new List<IPage>();
var failed = 0;
for (var i = 0; i < count; i++)
{
    var page = await context.NewPageAsync();
    pages.Add(page);
    var response = await page.GotoAsync(url);
    try
    {
        // No short timeout: the marker turns true only once the circuit has rendered.
        await page.WaitForSelectorAsync("#portal-interactive[data-ready=true]", new() { State = WaitForSelectorState.Attached, Timeout = 0 });
    }
    catch (PlaywrightException e)
    {
        failed++;
        Console.Error.WriteLine($"tab {i}: {response?.Status} {e.Message}");
    }
}
Console.WriteLine($"open {count - failed} failed {failed}");
Console.ReadLine();
foreach (var page in pages)
{
    await page.CloseAsync(new() { RunBeforeUnload = true });
}
await context.CloseAsync();
Console.WriteLine("closed");
