using System.Text.RegularExpressions;

namespace Portal.Tests.Architecture;

/// <summary>One source file of the app: its path relative to <c>Portal/</c> (with '/') and its text.</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>
/// Which folder of the app uses which, read from the source text: the <c>Portal.*</c> namespaces a file
/// names (<c>using</c>, <c>@using</c>, qualified names) and the types it names, each type mapped to the
/// folder that declares it (classes, records, structs, enums, interfaces, and Razor components by file name).
/// A folder is <c>Features/X</c> or <c>Components/X</c> for those two, else the top folder (<c>Data</c>, <c>Catalogue</c>…).
/// </summary>
public sealed partial class FolderDependencies
{
    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> _edges = [];

    private FolderDependencies(IReadOnlyList<SourceFile> files)
    {
        var typeFolders = new Dictionary<string, HashSet<string>>();
        foreach (var file in files)
        {
            var names = Declaration().Matches(WithoutComments(file.Text)).Select(m => m.Groups[1].Value).ToHashSet();
            if (file.Path.EndsWith(".razor", StringComparison.Ordinal))
            {
                names.Add(System.IO.Path.GetFileNameWithoutExtension(file.Path));
            }
            foreach (var name in names)
            {
                (typeFolders.TryGetValue(name, out var set) ? set : typeFolders[name] = []).Add(FolderOf(file.Path));
            }
        }

        foreach (var file in files.Where(f => System.IO.Path.GetFileName(f.Path) != "_Imports.razor"))
        {
            var from = FolderOf(file.Path);
            var text = WithoutComments(file.Text);
            foreach (Match use in Namespace().Matches(text))
            {
                Add(from, FolderOfNamespace(use.Groups[1].Value), $"{use.Value} in {file.Path}");
            }
            foreach (var name in Identifier().Matches(text).Select(m => m.Value).Distinct())
            {
                foreach (var to in typeFolders.GetValueOrDefault(name) ?? [])
                {
                    Add(from, to, $"{name} in {file.Path}");
                }
            }
        }
    }

    /// <summary>Folders with at least one dependency, each with the folders it uses and why (type or namespace, file).</summary>
    public IReadOnlyDictionary<string, Dictionary<string, SortedSet<string>>> Edges => _edges;

    public static FolderDependencies Of(IReadOnlyList<SourceFile> files) => new(files);

    /// <summary>Every <c>.cs</c> and <c>.razor</c> file under <paramref name="appFolder"/>, without build output and migrations.</summary>
    public static FolderDependencies OfFolder(string appFolder) => Of(
        Directory.EnumerateFiles(appFolder, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".razor", StringComparison.Ordinal))
            .Select(p => System.IO.Path.GetRelativePath(appFolder, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("bin/", StringComparison.Ordinal) && !p.StartsWith("obj/", StringComparison.Ordinal) && !p.Contains("/Migrations/", StringComparison.Ordinal))
            .Select(p => new SourceFile(p, File.ReadAllText(System.IO.Path.Combine(appFolder, p))))
            .ToList());

    /// <summary>The cycles among the given folders: each strongly connected group of two or more, as a readable path.</summary>
    public IReadOnlyList<string> CyclesAmong(Func<string, bool> include)
    {
        var nodes = _edges.Keys.Concat(_edges.Values.SelectMany(e => e.Keys)).Where(include).Distinct().Order().ToList();
        IEnumerable<string> Next(string node) => _edges.GetValueOrDefault(node)?.Keys.Where(include) ?? [];
        var cycles = new List<string>();
        foreach (var start in nodes)
        {
            // A shortest path from each successor back to start closes a cycle through start.
            foreach (var first in Next(start))
            {
                if (PathBetween(first, start, Next) is { } back && back.All(n => string.CompareOrdinal(n, start) >= 0))
                {
                    var cycle = new[] { start }.Concat(back).ToList();
                    cycles.Add(string.Join(" -> ", cycle.Select((n, i) => i + 1 < cycle.Count ? $"{n} [{Because(n, cycle[i + 1])}]" : n)));
                }
            }
        }
        return cycles.Distinct().ToList();
    }

    /// <summary>Dependencies from folders matching <paramref name="from"/> on folders matching <paramref name="to"/>.</summary>
    public IReadOnlyList<string> DependenciesFrom(Func<string, bool> from, Func<string, bool> to) =>
        _edges.Where(e => from(e.Key))
            .SelectMany(e => e.Value.Keys.Where(to).Select(target => $"{e.Key} -> {target} [{Because(e.Key, target)}]"))
            .Order()
            .ToList();

    private string Because(string from, string to) => string.Join("; ", _edges[from][to].Take(3));

    private static List<string>? PathBetween(string from, string to, Func<string, IEnumerable<string>> next)
    {
        var previous = new Dictionary<string, string?> { [from] = null };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var node))
        {
            if (node == to)
            {
                var path = new List<string>();
                for (string? n = node; n is not null; n = previous[n])
                {
                    path.Insert(0, n);
                }
                return path;
            }
            foreach (var n in next(node).Where(n => !previous.ContainsKey(n)))
            {
                previous[n] = node;
                queue.Enqueue(n);
            }
        }
        return null;
    }

    private void Add(string from, string to, string reason)
    {
        if (from == to)
        {
            return;
        }
        var targets = _edges.TryGetValue(from, out var t) ? t : _edges[from] = [];
        (targets.TryGetValue(to, out var reasons) ? reasons : targets[to] = new SortedSet<string>(StringComparer.Ordinal)).Add(reason);
    }

    public static string FolderOf(string path)
    {
        var parts = path.Split('/');
        return parts switch
        {
            ["Features" or "Components", var sub, _, ..] => $"{parts[0]}/{sub}",
            [var top, _, ..] => top,
            _ => "(root)",
        };
    }

    private static string FolderOfNamespace(string name)
    {
        var parts = name.Split('.');
        return parts is ["Features" or "Components", var sub, ..] ? $"{parts[0]}/{sub}" : parts[0];
    }

    private static string WithoutComments(string text) => Comment().Replace(text, " ");

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\bPortal\.((?:Features|Components)\.\w+|Catalogue|Data|Domain|Infrastructure)\b")]
    private static partial Regex Namespace();

    // Type names, not members: an identifier right after '.' is a member (SiteUrls.Document) or part of a namespace.
    [GeneratedRegex(@"(?<![.\w])[A-Z]\w*\b")]
    private static partial Regex Identifier();
}
