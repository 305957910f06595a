using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Storage;

/// <summary>
/// The file store answers: its root folder (or bucket) can be listed. Reads at most the first entry, so it
/// stays cheap on a store of millions of files. At <c>/health/ready</c> (entry "file-store").
/// </summary>
public sealed class FileStoreHealthCheck(IDocumentFileStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in store.ListAsync(cancellationToken))
            {
                break;
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The file store does not answer.", e);
        }
    }
}
