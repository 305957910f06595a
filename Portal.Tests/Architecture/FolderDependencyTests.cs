using Portal.Tests.Support;

namespace Portal.Tests.Architecture;

/// <summary>
/// Feature folders use Data/, Domain/, Infrastructure/, Catalogue/ (the shared vocabulary), Localization/
/// (the interface's words) and Components/Shared/, and each other only without cycles; none of those shared folders uses a feature.
/// </summary>
public class FolderDependencyTests
{
    private static readonly string[] SharedFolders = ["Data", "Domain", "Infrastructure", "Catalogue", "Localization", "Components/Shared"];

    private static bool IsFeature(string folder) => folder.StartsWith("Features/", StringComparison.Ordinal);

    private static FolderDependencies App() => FolderDependencies.OfFolder(Path.Combine(RepositoryPaths.Root(), "Portal"));

    [Fact]
    public void FeatureFoldersHaveNoCycles()
    {
        var cycles = App().CyclesAmong(IsFeature);

        Assert.True(cycles.Count == 0, "Feature folders depend on each other in a circle:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void SharedFoldersDoNotDependOnFeatures()
    {
        var wrong = App().DependenciesFrom(SharedFolders.Contains, IsFeature);

        Assert.True(wrong.Count == 0, "Shared folders depend on features:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void TheCheckSeesTheFoldersItGuards()
    {
        var edges = App().Edges;

        // The check reads the real tree: the document page uses the shared vocabulary, the layout a feature.
        Assert.Contains("Catalogue", edges["Features/Documents"].Keys);
        Assert.Contains("Features/Search", edges["Components/Layout"].Keys);
    }

    [Fact]
    public void ACycleThroughATypeAndAComponentIsFound()
    {
        var graph = FolderDependencies.Of([
            new("Features/Alpha/AlphaQueries.cs", "namespace Portal.Features.Alpha;\npublic sealed class AlphaQueries { public BetaRow? Row; }"),
            new("Features/Beta/BetaModels.cs", "namespace Portal.Features.Beta;\npublic sealed record BetaRow(int Id);"),
            new("Features/Beta/BetaPage.razor", "@inject AlphaQueries Queries\n<p>@Queries</p>"),
            new("Features/Gamma/GammaPage.razor", "@* AlphaQueries is named in a comment only *@<p>gamma</p>"),
        ]);

        var cycle = Assert.Single(graph.CyclesAmong(f => f.StartsWith("Features/", StringComparison.Ordinal)));
        Assert.StartsWith("Features/Alpha [BetaRow in Features/Alpha/AlphaQueries.cs] -> Features/Beta [AlphaQueries in Features/Beta/BetaPage.razor] -> Features/Alpha", cycle);
        Assert.False(graph.Edges.ContainsKey("Features/Gamma"));
    }

    [Fact]
    public void ASharedFolderNamingAFeatureNamespaceIsFound()
    {
        var graph = FolderDependencies.Of([
            new("Features/Downloads/DemoFiles.cs", "namespace Portal.Features.Downloads;\npublic sealed class DemoFiles;"),
            new("Data/DatabaseInitializer.cs", "using Portal.Features.Downloads;\nnamespace Portal.Data;\npublic static class DatabaseInitializer;"),
            new("Features/Home/HomePage.razor", "@using Portal.Features.Downloads\n<p>home</p>"),
        ]);

        var wrong = graph.DependenciesFrom(SharedFolders.Contains, IsFeature);

        Assert.Equal(["Data -> Features/Downloads [Portal.Features.Downloads in Data/DatabaseInitializer.cs]"], wrong);
        Assert.Empty(graph.CyclesAmong(IsFeature));
    }
}
