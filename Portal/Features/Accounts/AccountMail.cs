using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Infrastructure.Mail;

namespace Portal.Features.Accounts;

/// <summary>The e-mails about accounts: a link to reset a forgotten password, and an invitation to set the first one.</summary>
public sealed class AccountMail(UserManager<PortalUser> users, IMailSender mail)
{
    /// <summary>
    /// A one-time link that sets the account's password (Identity's password-reset token, valid for a
    /// day); <paramref name="baseUrl"/> is the portal's public address.
    /// </summary>
    public async Task<string> SetPasswordLinkAsync(PortalUser user, string baseUrl)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var path = QueryHelpers.AddQueryString(AccountPaths.ResetPassword, new Dictionary<string, string?> { ["email"] = user.Email, ["code"] = code });
        return PublicUrls.Absolute(baseUrl, baseUrl, path);
    }

    public async Task SendPasswordResetAsync(PortalUser user, string baseUrl, CancellationToken cancellationToken = default)
    {
        var link = await SetPasswordLinkAsync(user, baseUrl);
        await mail.SendAsync(new OutgoingMail(user.Email!, "Reset your UN Documents Portal password",
            $"""
            Someone (we hope you) asked to reset the password of your UN Documents Portal account.

            Choose a new password here (the link works once, for 24 hours):
            {link}

            If you did not ask for this, ignore this message: your password has not changed.
            """), cancellationToken);
    }

    public async Task SendInvitationAsync(PortalUser user, string invitedBy, string baseUrl, CancellationToken cancellationToken = default)
    {
        var link = await SetPasswordLinkAsync(user, baseUrl);
        var what = user.MemberState is { Length: > 0 } state ? $"the delegation of {state}" : "the Secretariat";
        await mail.SendAsync(new OutgoingMail(user.Email!, "Your UN Documents Portal account",
            $"""
            {invitedBy} has opened a UN Documents Portal account for you, for {what}.

            Choose your password here (the link works once, for 24 hours):
            {link}

            Your user name is {user.Email}.
            """), cancellationToken);
    }

    /// <summary>The token inside a link made by <see cref="SetPasswordLinkAsync"/>; null when the code is not one.</summary>
    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2000)
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
