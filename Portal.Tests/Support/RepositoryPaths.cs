namespace Portal.Tests.Support;

public static class RepositoryPaths
{
    /// <summary>The repository's root folder: the one holding Portal.sln, above the test binaries.</summary>
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Portal.sln not found above the test binaries.");
    }
}
