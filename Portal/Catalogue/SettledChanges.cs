namespace Portal.Catalogue;

/// <summary>
/// How far change-ordered lists (the API's <c>changedSince</c>, OAI-PMH's <c>from</c>/<c>until</c>) reach: a change is
/// stamped when its transaction starts, so one that commits late carries an earlier time than changes already
/// visible. Lists hold back the last <see cref="Margin"/>, time for that transaction to commit, and tell the client
/// the instant they are complete through; the next call starting there misses nothing.
/// </summary>
public static class SettledChanges
{
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    /// <summary>The latest change time a list made at <paramref name="now"/> may show.</summary>
    public static DateTimeOffset Through(DateTimeOffset now) => now - Margin;
}
