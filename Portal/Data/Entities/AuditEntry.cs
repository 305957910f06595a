namespace Portal.Data.Entities;

/// <summary>
/// One recorded change: who did what, when, to which document (or account), with the state before and
/// after as JSON. Rows are only ever added.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The account that made the change, and its e-mail address at the time.</summary>
    public string? UserId { get; set; }
    public string? UserEmail { get; set; }

    /// <summary>What was done: "register", "save", "publish", "withdraw", "derestrict", "correct", ...</summary>
    public string Action { get; set; } = "";

    public int? DocumentId { get; set; }

    /// <summary>What the change was about, as people name it: the document's symbol, or an account's e-mail address.</summary>
    public string Subject { get; set; } = "";

    public string? Before { get; set; }
    public string? After { get; set; }
}
