namespace Portal.Data.Entities;

/// <summary>What an alert follows.</summary>
public enum AlertTarget
{
    /// <summary>An agenda item, by its key (<c>ga-75-71</c>).</summary>
    AgendaItem,

    /// <summary>A session or Security Council year (<c>ga-75</c>, <c>sc-2021</c>).</summary>
    Session,

    /// <summary>An organ (<c>ga</c>, <c>sc</c>, <c>ecosoc</c>).</summary>
    Organ,

    /// <summary>The member state or entity that sent the document ("Demoland").</summary>
    Sender,

    /// <summary>Symbols under a family, written with a trailing <c>*</c> (<c>A/C.3/75/L.*</c>, <c>S/2021/*</c>).</summary>
    SymbolFamily,

    /// <summary>A saved search: the query string of <c>/search</c> (<c>q=landmines&amp;lang=fr</c>).</summary>
    Search,
}

public enum AlertFrequency
{
    Immediately,
    Daily,
    Weekly,
}

public enum AlertMessageKind
{
    Confirmation,
    Alert,
    Digest,
}

/// <summary>
/// Someone's wish to hear about new documents: by e-mail without an account (confirmed through a link
/// before anything is sent), or from a signed-in account (whose Restricted documents it may then receive).
/// </summary>
public class AlertSubscription
{
    public long Id { get; set; }

    /// <summary>Lower-case address the messages go to.</summary>
    public string Email { get; set; } = "";

    /// <summary>The account that subscribed; null for an anonymous e-mail subscriber (who gets public documents only).</summary>
    public string? UserId { get; set; }

    public AlertTarget Target { get; set; }

    /// <summary>The target in its canonical written form (see <see cref="AlertTarget"/>).</summary>
    public string TargetValue { get; set; } = "";

    /// <summary>Language codes separated by commas ("en,fr"); empty for every language.</summary>
    public string Languages { get; set; } = "";

    public AlertFrequency Frequency { get; set; }

    /// <summary>The portal's interface language when the subscription was made (<c>fr</c>): its messages are written in it.</summary>
    public string InterfaceLanguage { get; set; } = "en";

    /// <summary>The secret in the confirmation and unsubscribe links (URL-safe, random).</summary>
    public string Token { get; set; } = "";

    /// <summary>The portal's address when the subscription was made, for links when <c>Portal:PublicBaseUrl</c> is unset.</summary>
    public string SiteUrl { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Null until the confirmation link is followed; nothing but the confirmation is sent before.</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>When the last digest was composed (or the subscription confirmed): the next is due a period later.</summary>
    public DateTime? DigestPeriodStart { get; set; }

    /// <summary>Set while its owner has paused it: nothing new is matched for it until it is resumed.</summary>
    public DateTime? PausedAt { get; set; }
}

/// <summary>
/// A document that became public, written in the same transaction as its publication, so no publication
/// is ever missed; the alert worker matches it against the subscriptions once (<see cref="MatchedAt"/>).
/// </summary>
public class AlertPublication
{
    public long Id { get; set; }
    public int DocumentId { get; set; }
    public DateTime PublishedAt { get; set; }

    /// <summary>An instance matching this publication holds it until then; after, another may take it over.</summary>
    public DateTime? LeaseUntil { get; set; }

    public DateTime? MatchedAt { get; set; }
}

/// <summary>A document a subscription is to hear about; at most one per subscription and document.</summary>
public class AlertMatch
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public AlertSubscription Subscription { get; set; } = null!;
    public int DocumentId { get; set; }
    public DateTime MatchedAt { get; set; }

    /// <summary>The message that carries it; null while it waits for its digest.</summary>
    public long? MessageId { get; set; }
    public AlertMessage? Message { get; set; }
}

/// <summary>
/// One e-mail in the outbox. A worker claims it (<see cref="LeaseOwner"/>, <see cref="LeaseUntil"/>), sends it, then
/// marks it <see cref="SentAt"/>; a failure sets the next attempt further away each time.
/// </summary>
public class AlertMessage
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public AlertSubscription Subscription { get; set; } = null!;
    public AlertMessageKind Kind { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";

    /// <summary>The one-click unsubscribe address (RFC 8058); null for a confirmation request.</summary>
    public string? UnsubscribeUrl { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Set when the message will not be sent: too many failures, or its documents are no longer visible to the subscriber.</summary>
    public DateTime? AbandonedAt { get; set; }
    public string? LastError { get; set; }

    public List<AlertMatch> Matches { get; set; } = [];
}
