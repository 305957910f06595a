using System.Text;

namespace Portal.Features.Accounts;

/// <summary>How an authenticator key is shown: in groups of four, and as the otpauth:// address apps read.</summary>
public static class AuthenticatorKeys
{
    public const string Issuer = "UN Documents Portal";

    public static string Format(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";
}
