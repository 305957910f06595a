using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Features.Accounts;
using Portal.Infrastructure;
using Portal.Localization;

namespace Portal.Features.Administration;

/// <summary>One account as the account tables show it.</summary>
public sealed record AccountRow(string Id, string Email, string? DisplayName, string? MemberState, IReadOnlyList<string> Roles, bool TwoFactor, bool LockedOut, bool HasPassword);

/// <summary>An account to open: the invitation e-mail lets its owner choose the password.</summary>
public sealed record AccountInvitation(string Email, string? DisplayName, string Role, string? MemberState);

/// <summary>What an account change answers: done, or why not, in a sentence for the person who asked.</summary>
public sealed record AccountChangeResult(bool Succeeded, string Message)
{
    public static AccountChangeResult Done(string message) => new(true, message);

    public static AccountChangeResult Refused(string message) => new(false, message);
}

/// <summary>
/// Lists, opens, changes and removes accounts, for administrators (every account) and delegation focal
/// points (their own mission's delegation accounts only). Each call takes the acting viewer and checks
/// it here, whatever page called; each works in its own scope, because a circuit lives for hours and
/// Identity's stores must not keep stale rows that long.
/// </summary>
public sealed class AccountDirectory(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AccountDirectory> logger)
{
    public async Task<PagedAccounts> ListAsync(Viewer actor, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var mission = MissionOf(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var query = users.Users.AsNoTracking();
        if (mission is not null)
        {
            query = query.Where(u => u.MemberState == mission);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || (u.DisplayName != null && u.DisplayName.ToUpper().Contains(term)) || (u.MemberState != null && u.MemberState.ToUpper().Contains(term)));
        }
        var total = await query.CountAsync(cancellationToken);
        var accounts = await query.OrderBy(u => u.NormalizedEmail).Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = new List<AccountRow>(accounts.Count);
        foreach (var user in accounts)
        {
            var roles = await users.GetRolesAsync(user);
            rows.Add(new AccountRow(user.Id, user.Email ?? "", user.DisplayName, user.MemberState, [.. roles.Order()], user.TwoFactorEnabled,
                user.LockoutEnd > now, user.PasswordHash is not null));
        }
        return new PagedAccounts(rows, total);
    }

    public async Task<AccountChangeResult> InviteAsync(Viewer actor, AccountInvitation invitation, string baseUrl, CancellationToken cancellationToken = default)
    {
        var mission = MissionOf(actor);
        var role = mission is null ? invitation.Role : PortalRoles.Delegation;
        var memberState = mission ?? (string.IsNullOrWhiteSpace(invitation.MemberState) ? null : invitation.MemberState.Trim());
        if (!PortalRoles.All.Contains(role))
        {
            return AccountChangeResult.Refused(InterfaceText.Get("AdminChooseRole"));
        }
        if (role is PortalRoles.Delegation or PortalRoles.FocalPoint && memberState is null)
        {
            return AccountChangeResult.Refused(InterfaceText.Get("AdminNeedsMemberState"));
        }
        if (role is PortalRoles.Editor or PortalRoles.Administrator)
        {
            memberState = null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = invitation.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return AccountChangeResult.Refused(InterfaceText.Format("AdminEmailTaken", email));
        }
        var user = new PortalUser { UserName = email, Email = email, DisplayName = invitation.DisplayName?.Trim(), MemberState = memberState, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return AccountChangeResult.Refused(Describe(created));
        }
        // A focal point is a delegation account too: it sees what its delegation sees.
        IEnumerable<string> roles = role == PortalRoles.FocalPoint ? [PortalRoles.Delegation, PortalRoles.FocalPoint] : [role];
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return AccountChangeResult.Refused(Describe(added));
        }
        try
        {
            var actorName = await NameOfAsync(users, actor);
            await scope.ServiceProvider.GetRequiredService<AccountMail>().SendInvitationAsync(user, actorName, baseUrl, cancellationToken);
        }
        catch (Infrastructure.Mail.MailNotSentException e)
        {
            logger.LogError(e, "The invitation to {Email} was not sent; the account was not kept.", email);
            await users.DeleteAsync(user);
            return AccountChangeResult.Refused(InterfaceText.Format("AdminInvitationNotSent", email));
        }
        logger.LogInformation("{Actor} opened the account {Email} ({Role}, {MemberState}).", actor.UserId, email, role, memberState);
        return AccountChangeResult.Done(InterfaceText.Format("AdminInvitationSent", email));
    }

    /// <summary>Replaces an account's roles (administrators only).</summary>
    public async Task<AccountChangeResult> SetRolesAsync(Viewer actor, string userId, IReadOnlyCollection<string> roles, string? memberState, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator)
        {
            return AccountChangeResult.Refused(InterfaceText.Get("AdminOnlyAdministratorsChangeRoles"));
        }
        if (roles.Any(r => !PortalRoles.All.Contains(r)))
        {
            return AccountChangeResult.Refused(InterfaceText.Get("AdminUnknownRole"));
        }
        var wanted = roles.Contains(PortalRoles.FocalPoint) ? roles.Append(PortalRoles.Delegation).ToHashSet() : roles.ToHashSet();
        var state = string.IsNullOrWhiteSpace(memberState) ? null : memberState.Trim();
        if (wanted.Contains(PortalRoles.Delegation) && state is null)
        {
            return AccountChangeResult.Refused(InterfaceText.Get("AdminNeedsMemberState"));
        }
        if (userId == actor.UserId && !wanted.Contains(PortalRoles.Administrator))
        {
            return AccountChangeResult.Refused(InterfaceText.Get("AdminCannotDropOwnAdmin"));
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountChangeResult.Refused(InterfaceText.Get("AdminAccountGone"));
        }
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : removed;
        if (!added.Succeeded)
        {
            return AccountChangeResult.Refused(Describe(added));
        }
        user.MemberState = wanted.Contains(PortalRoles.Delegation) ? state : null;
        await users.UpdateAsync(user);
        // Open sessions pick up the new roles at their next check (SecurityStampValidatorOptions).
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("{Actor} set the roles of {Email} to {Roles}.", actor.UserId, user.Email, string.Join(", ", wanted));
        return AccountChangeResult.Done(InterfaceText.Format("AdminRolesSaved", user.Email ?? ""));
    }

    /// <summary>Deletes an account: administrators any but their own; focal points their own mission's delegation accounts.</summary>
    public async Task<AccountChangeResult> RemoveAsync(Viewer actor, string userId, CancellationToken cancellationToken = default)
    {
        var mission = MissionOf(actor);
        if (userId == actor.UserId)
        {
            return AccountChangeResult.Refused(InterfaceText.Get("AdminCannotRemoveSelf"));
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || (mission is not null && (user.MemberState != mission
            || (await users.GetRolesAsync(user)).Any(r => r is PortalRoles.Editor or PortalRoles.Administrator))))
        {
            return AccountChangeResult.Refused(InterfaceText.Get("AdminAccountGone"));
        }
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return AccountChangeResult.Refused(Describe(deleted));
        }
        logger.LogInformation("{Actor} removed the account {Email}.", actor.UserId, user.Email);
        return AccountChangeResult.Done(InterfaceText.Format("AdminRemoved", user.Email ?? ""));
    }

    /// <summary>Unlocks an account locked after failed sign-ins (administrators only).</summary>
    public async Task<AccountChangeResult> UnlockAsync(Viewer actor, string userId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator)
        {
            return AccountChangeResult.Refused(InterfaceText.Get("AdminOnlyAdministratorsUnlock"));
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountChangeResult.Refused(InterfaceText.Get("AdminAccountGone"));
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return AccountChangeResult.Done(InterfaceText.Format("AdminUnlocked", user.Email ?? ""));
    }

    /// <summary>
    /// Null for an administrator (every account); a focal point's own member state; anyone else may not
    /// manage accounts at all.
    /// </summary>
    private static string? MissionOf(Viewer actor) =>
        actor.IsAdministrator ? null
        : actor.Roles.Contains(PortalRoles.FocalPoint) && actor.SeesRestrictedOf is { } state ? state
        : throw new UnauthorizedAccessException("Only administrators and delegation focal points manage accounts.");

    private static async Task<string> NameOfAsync(UserManager<PortalUser> users, Viewer actor) =>
        actor.UserId is { } id && await users.FindByIdAsync(id) is { } user ? user.DisplayName ?? user.Email ?? InterfaceText.Get("Mail_AnAdministrator") : InterfaceText.Get("Mail_AnAdministrator");

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}

public sealed record PagedAccounts(IReadOnlyList<AccountRow> Rows, int Total);
