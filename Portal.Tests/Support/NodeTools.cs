namespace Portal.Tests.Support;

/// <summary>
/// The npm packages the accessibility tests use (axe-core, vnu-jar), installed by scripts/test.sh outside
/// the repository into $PORTAL_NODE_TOOLS (default ~/.cache/portal-test-tools).
/// </summary>
public static class NodeTools
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("PORTAL_NODE_TOOLS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
                ? cache
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "portal-test-tools");

    public static string AxeScript => Find("axe-core", "axe.min.js");

    public static string VnuJar => Find("vnu-jar", "build", "dist", "vnu.jar");

    private static string Find(params string[] parts)
    {
        var path = Path.Combine([Folder, "node_modules", .. parts]);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: run scripts/test.sh once, which installs it with npm (or set PORTAL_NODE_TOOLS).");
    }
}
