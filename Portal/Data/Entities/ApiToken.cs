namespace Portal.Data.Entities;

/// <summary>
/// A personal API token: a program sends it as <c>Authorization: Bearer …</c> and sees through <c>/api/v1</c>
/// what the account sees. Only its SHA-256 is stored; the token itself is shown once, when it is made.
/// </summary>
public class ApiToken
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>The holder's name for it ("mission's document mirror").</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the token; unique. Tokens are 256 random bits, so a fast hash is enough.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The token's first characters, so the holder can tell tokens apart; not enough to use it.</summary>
    public string Prefix { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>From this instant the token is refused; null for a token that does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Roughly when it was last used (updated at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
