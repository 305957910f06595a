using Portal.Infrastructure;

namespace Portal.Features.Sessions;

/// <summary>
/// Counts the public's documents per session (<see cref="SessionDocumentCounts"/>) as the portal starts, so that the
/// first home page after a start does not count every document-session link itself (0.6 s at a million documents).
/// Delegations and the Secretariat are counted on their first visit.
/// </summary>
public sealed class SessionCountsWarmUp(SessionQueries sessions, ILogger<SessionCountsWarmUp> logger) : BackgroundWarmUp(logger)
{
    protected override string What => "The public's documents per session";

    protected override Task WarmUpAsync(CancellationToken cancellationToken) => sessions.ListAsync(Viewer.Anonymous, cancellationToken);
}
