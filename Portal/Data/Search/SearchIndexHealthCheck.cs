using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Data.Search;

/// <summary>
/// The search index beside the catalogue, at <c>/healthz</c> (entry "search-index"): healthy when it holds one row
/// per language version; degraded, with both counts and the command that repairs it, when it does not. The index
/// is written in the transaction that changes the catalogue, so there is no lag to wait out: a difference is damage.
/// </summary>
public sealed class SearchIndexHealthCheck(ISearchIndex index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var state = await index.CheckAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["expected"] = state.Expected, ["indexed"] = state.Indexed };
            return state.InStep
                ? HealthCheckResult.Healthy($"{state.Indexed} rows indexed (language versions and catalogue records).", data)
                : HealthCheckResult.Degraded($"The search index holds {state.Indexed} rows of {state.Expected} (language versions and catalogue records); run `reindex`.", data: data);
        }
        catch (DbException e)
        {
            return HealthCheckResult.Unhealthy("The search index does not answer.", e);
        }
    }
}
