using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Configurations;
using Portal.Data.Entities;

namespace Portal.Features.Api;

/// <summary>A token as its holder's list shows it: never the token itself.</summary>
public sealed record ApiTokenRow(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>What making a token gave: the token (shown once) or why it was refused (a resource key).</summary>
public sealed record NewApiToken(string? Token, ApiTokenRow? Row, string? ErrorKey);

/// <summary>The outcome of presenting a token: the account it belongs to, or a sentence saying why it is refused.</summary>
public sealed record ApiTokenCheck(string? UserId, string? Failure);

/// <summary>
/// Personal API tokens: an account makes, names, lists and revokes its own; the API accepts them as
/// <c>Authorization: Bearer</c> (<see cref="ApiTokenAuthentication"/>). Only a token's SHA-256 is stored.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    public const string TokenPrefix = "unp_";

    /// <summary>Active tokens one account may hold at once.</summary>
    public const int MaxActivePerAccount = 20;

    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)).ToListAsync(cancellationToken);
    }

    /// <summary>Makes a token for the account; <paramref name="expiresOn"/> is the last day it works (UTC), or null for no end.</summary>
    public async Task<NewApiToken> CreateAsync(string userId, string? name, DateOnly? expiresOn, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return new NewApiToken(null, null, "ApiTokensNameRequired");
        }
        if (trimmed.Length > ApiTokenConfiguration.NameMaxLength)
        {
            return new NewApiToken(null, null, "ApiTokensNameTooLong");
        }
        DateTimeOffset? expiresAt = expiresOn is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        if (expiresAt <= now)
        {
            return new NewApiToken(null, null, "ApiTokensExpiryInPast");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var held = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null).Select(t => t.ExpiresAt).ToListAsync(cancellationToken);
        if (held.Count(e => e is null || e > now) >= MaxActivePerAccount)
        {
            return new NewApiToken(null, null, "ApiTokensTooMany");
        }
        var token = TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiToken { UserId = userId, Name = trimmed, Hash = HashOf(token), Prefix = token[..10], CreatedAt = now, ExpiresAt = expiresAt };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return new NewApiToken(token, new ApiTokenRow(entity.Id, entity.Name, entity.Prefix, now, expiresAt, null, null), null);
    }

    /// <summary>Revokes one of the account's own tokens; false when it has no such token (or it was already revoked).</summary>
    public async Task<bool> RevokeAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The account a presented token belongs to, or why it is refused (unknown, revoked, expired).</summary>
    public async Task<ApiTokenCheck> CheckAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!presented.StartsWith(TokenPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return new ApiTokenCheck(null, "This is not a portal API token: tokens start with “unp_” and are made on the account page, /account/api-tokens.");
        }
        var hash = HashOf(presented);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (token is null)
        {
            return new ApiTokenCheck(null, "This API token is not known: it may be mistyped, or its account removed.");
        }
        if (token.RevokedAt is { } revoked)
        {
            return new ApiTokenCheck(null, $"This API token was revoked on {revoked.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Make a new one on the account page.");
        }
        if (token.ExpiresAt is { } expires && expires <= now)
        {
            return new ApiTokenCheck(null, $"This API token expired on {expires.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Make a new one on the account page.");
        }
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return new ApiTokenCheck(token.UserId, null);
    }

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
