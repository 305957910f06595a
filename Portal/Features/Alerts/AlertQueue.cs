using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Alerts;

/// <summary>
/// Where publishing hands documents to the alerts: the editor adds the row to its own unit of work, so the
/// publication and its alert are saved together or not at all, and the worker matches it afterwards.
/// </summary>
public static class AlertQueue
{
    public static void RecordPublication(PortalDbContext db, int documentId, DateTimeOffset at) =>
        db.AlertPublications.Add(new AlertPublication { DocumentId = documentId, PublishedAt = at.UtcDateTime });
}
