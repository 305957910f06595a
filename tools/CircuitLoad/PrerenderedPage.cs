using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CircuitLoad;

/// <summary>
/// What blazor.web.js reads from a prerendered page before it starts a circuit: the markers of the interactive
/// server components (<c>&lt;!--Blazor:{"type":"server",…,"descriptor":"…"}--&gt;</c>, each with its
/// data-protected descriptor) and the persisted component state (<c>&lt;!--Blazor-Server-Component-State:…--&gt;</c>).
/// </summary>
public sealed partial record PrerenderedPage(IReadOnlyList<JsonObject> ServerComponents, string ApplicationState)
{
    public static PrerenderedPage Parse(string html)
    {
        // End markers carry only a prerenderId; start markers carry the type. "auto" runs on the server here
        // (there is no WebAssembly runtime), as blazor.web.js decides when no WebAssembly has loaded yet.
        var components = Marker().Matches(html)
            .Select(match => JsonNode.Parse(match.Groups["json"].Value)!.AsObject())
            .Where(marker => (string?)marker["type"] is "server" or "auto")
            .OrderBy(marker => (int?)marker["sequence"] ?? 0)
            .ToList();
        var state = State().Match(html);
        return new PrerenderedPage(components, state.Success ? state.Groups["state"].Value : "");
    }

    /// <summary>
    /// The first <c>UpdateRootComponents</c> batch, as blazor.web.js builds it: one "add" per server component,
    /// numbered from 1 in the order found, each with its marker (plus the client's own uniqueId).
    /// </summary>
    public string AddOperationsJson()
    {
        var operations = new JsonArray();
        for (var i = 0; i < ServerComponents.Count; i++)
        {
            var marker = ServerComponents[i].DeepClone().AsObject();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }
        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--\s*Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)\s*-->")]
    private static partial Regex State();
}
