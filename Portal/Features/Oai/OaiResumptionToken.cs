using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Features.Oai;

/// <summary>
/// Where a list stopped and what it lists, carried by the harvester rather than kept on the server: a resumption
/// token is this state protected (encrypted and signed) with the portal's data-protection keys, which every
/// instance shares, so any instance resumes any list and a token that was altered or made up is refused.
/// </summary>
public sealed record OaiListState(
    string MetadataPrefix,
    string? Set,
    DateTimeOffset? From,
    DateTimeOffset? UntilBefore,
    DateTimeOffset AfterChangedAt,
    int AfterId,
    int Cursor);

/// <summary>Turns <see cref="OaiListState"/> into a resumption token and back.</summary>
public sealed class OaiResumptionTokens(IDataProtectionProvider protection)
{
    private const char Separator = '\n';
    private const string Version = "1";

    private readonly IDataProtector _protector = protection.CreateProtector("Portal.Features.Oai.ResumptionToken.v1");

    public string Issue(OaiListState state) => _protector.Protect(string.Join(Separator,
        Version,
        state.MetadataPrefix,
        state.Set ?? "",
        Ticks(state.From),
        Ticks(state.UntilBefore),
        state.AfterChangedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        state.AfterId.ToString(CultureInfo.InvariantCulture),
        state.Cursor.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The state a token carries, or null when it is not one this portal issued (altered, truncated, made up).</summary>
    public OaiListState? Read(string token)
    {
        string text;
        try
        {
            text = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = text.Split(Separator);
        if (parts.Length != 8 || parts[0] != Version
            || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var after)
            || !int.TryParse(parts[6], NumberStyles.None, CultureInfo.InvariantCulture, out var afterId)
            || !int.TryParse(parts[7], NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
        {
            return null;
        }
        return new OaiListState(parts[1], parts[2].Length == 0 ? null : parts[2], Instant(parts[3]), Instant(parts[4]),
            new DateTimeOffset(after, TimeSpan.Zero), afterId, cursor);
    }

    private static string Ticks(DateTimeOffset? instant) => instant?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "";

    private static DateTimeOffset? Instant(string ticks) =>
        long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? new DateTimeOffset(value, TimeSpan.Zero) : null;
}
