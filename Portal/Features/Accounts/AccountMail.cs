using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Infrastructure.Mail;
using Portal.Localization;

namespace Portal.Features.Accounts;

/// <summary>
/// The e-mails about accounts: a link to reset a forgotten password, and an invitation to set the first one,
/// in the interface language of the request that sends them (the visitor's, or the inviting administrator's).
/// </summary>
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
        await mail.SendAsync(new OutgoingMail(user.Email!, InterfaceText.Get("Mail_ResetSubject"), InterfaceText.Format("Mail_ResetBody", link)), cancellationToken);
    }

    public async Task SendInvitationAsync(PortalUser user, string invitedBy, string baseUrl, CancellationToken cancellationToken = default)
    {
        var link = await SetPasswordLinkAsync(user, baseUrl);
        var what = user.MemberState is { Length: > 0 } state ? InterfaceText.Format("Mail_ForDelegation", state) : InterfaceText.Get("Mail_ForSecretariat");
        await mail.SendAsync(new OutgoingMail(user.Email!, InterfaceText.Get("Mail_InvitationSubject"),
            InterfaceText.Format("Mail_InvitationBody", invitedBy, what, link, user.Email!)), cancellationToken);
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
