using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Portal.Features.Alerts;

/// <summary>What a manage link says once checked.</summary>
public enum ManageLinkState
{
    Valid,

    /// <summary>Genuine but past its last day: a newer message carries a fresh one.</summary>
    Expired,

    /// <summary>Not a link the portal wrote (altered, truncated, forged, or signed with a key it no longer has).</summary>
    Invalid,
}

/// <summary>A checked manage link: the address whose subscriptions it manages when <see cref="State"/> is valid.</summary>
public sealed record ManageLink(ManageLinkState State, string? Email);

/// <summary>
/// The "manage your alerts" links in every alert, digest and confirmation message: the address and the link's
/// last day, signed with the portal's data-protection keys (kept in the database, so every instance reads
/// every link). Nothing is stored per link; without the keys a link can be neither guessed nor altered.
/// </summary>
public sealed class AlertManageLinks(IDataProtectionProvider protection, IOptions<AlertOptions> options, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Portal.Alerts.ManageLink.v1");

    public static string Path(string token) => $"/alerts/manage/{token}";

    /// <summary>A token for the address, valid for <see cref="AlertOptions.ManageLinkLifetime"/> (or until <paramref name="expiresAt"/>).</summary>
    public string Create(string email, DateTimeOffset? expiresAt = null)
    {
        var until = (expiresAt ?? clock.GetUtcNow() + options.Value.ManageLinkLifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes(until.ToString(CultureInfo.InvariantCulture) + "\n" + email.Trim().ToLowerInvariant());
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    public ManageLink Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return new(ManageLinkState.Invalid, null);
        }
        string text;
        try
        {
            text = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return new(ManageLinkState.Invalid, null);
        }
        var parts = text.Split('\n', 2);
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var until))
        {
            return new(ManageLinkState.Invalid, null);
        }
        return clock.GetUtcNow().ToUnixTimeSeconds() > until ? new(ManageLinkState.Expired, null) : new(ManageLinkState.Valid, parts[1]);
    }
}
