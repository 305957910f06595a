using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Api;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Api;

/// <summary>
/// Personal API tokens over HTTP: a delegation's token sees its Restricted document, another state's token and
/// anonymous callers get the same 404 as for a document that does not exist; revoked, expired and made-up
/// tokens get 401 with a problem that says why; only the token's hash is stored.
/// </summary>
public class ApiTokenTests(ApiTokenTests.Fixture fixture) : IClassFixture<ApiTokenTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    /// <summary>An account of a delegation with a fresh token, made as its holder would on the account page.</summary>
    public static async Task<(string UserId, string Token)> DelegationTokenAsync(IServiceProvider services, string email, string memberState, DateOnly? expiresOn = null)
    {
        await TestAccounts.CreateAsync(services, email, PortalRoles.Delegation, memberState);
        await using var scope = services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!;
        var made = await services.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, "mirror", expiresOn);
        Assert.Null(made.ErrorKey);
        return (user.Id, made.Token!);
    }

    private async Task<(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Response)> GetAsync(string path, string? token = null)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    [Fact]
    public async Task ADelegationsTokenSeesItsRestrictedDocumentAndOtherStatesAndTheAnonymousDoNot()
    {
        var (_, demoland) = await DelegationTokenAsync(fixture.Services, "mirror@demoland.example", "Demoland");
        var (_, ruritania) = await DelegationTokenAsync(fixture.Services, "mirror@ruritania.example", "Ruritania");

        var (seen, document, _) = await GetAsync("/api/v1/documents/by-symbol/A/75/R.1", demoland);
        Assert.Equal(HttpStatusCode.OK, seen);
        Assert.Equal("restricted", document.GetProperty("distribution").GetString());
        var (_, list, _) = await GetAsync("/api/v1/documents?distr=restricted", demoland);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("symbols")[0].GetString() == "A/75/R.1");

        var (_, missing, _) = await GetAsync("/api/v1/documents/by-symbol/A/75/R.999");
        foreach (var token in new[] { ruritania, null })
        {
            var (status, problem, response) = await GetAsync("/api/v1/documents/by-symbol/A/75/R.1", token);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(missing.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
            Assert.Equal(missing.GetProperty("detail").GetString()!.Replace("R.999", "R.1"), problem.GetProperty("detail").GetString());
            var (_, others, _) = await GetAsync("/api/v1/documents?distr=restricted", token);
            Assert.Empty(others.GetProperty("items").EnumerateArray());
        }
        var id = document.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/api/v1/documents/{id}", demoland)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/api/v1/documents/{id}", ruritania)).Status);
    }

    [Fact]
    public async Task RevokedExpiredAndUnknownTokensAre401WithAProblemSayingWhy()
    {
        var (userId, token) = await DelegationTokenAsync(fixture.Services, "revoked@demoland.example", "Demoland", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/v1/sessions", token)).Status);
        var tokens = fixture.Services.GetRequiredService<ApiTokenService>();
        var row = Assert.Single(await tokens.ListAsync(userId));
        Assert.NotNull(row.LastUsedAt);

        Assert.True(await tokens.RevokeAsync(userId, row.Id));
        await AssertRefusedAsync(token, "revoked");

        var (expiringUser, expiring) = await DelegationTokenAsync(fixture.Services, "expired@demoland.example", "Demoland", DateOnly.FromDateTime(DateTime.UtcNow));
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var held = await db.ApiTokens.SingleAsync(t => t.UserId == expiringUser);
            held.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        await AssertRefusedAsync(expiring, "expired");
        await AssertRefusedAsync("unp_" + new string('x', 43), "not known");
        await AssertRefusedAsync("secret", "not a portal API token");
    }

    private async Task AssertRefusedAsync(string token, string reason)
    {
        var (status, problem, response) = await GetAsync("/api/v1/documents?limit=1", token);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheTokensHashIsStored()
    {
        var (userId, token) = await DelegationTokenAsync(fixture.Services, "hashed@demoland.example", "Demoland");
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.UserId == userId);

        Assert.Matches("^unp_[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), stored.Hash);
        Assert.DoesNotContain(token, JsonSerializer.Serialize(stored), StringComparison.Ordinal);
        Assert.Equal(token[..10], stored.Prefix);
    }
}

/// <summary>The account page: a token is made with a name, shown once, listed by name and prefix, and revoked.</summary>
public class ApiTokensPageTests : MudTestContext, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ApiTokenService _tokens = null!;
    private const string UserId = "token-holder-1";

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using (var db = _database.CreateDbContext())
        {
            db.Users.Add(new PortalUser { Id = UserId, UserName = "holder@demoland.example", Email = "holder@demoland.example", MemberState = "Demoland", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        _tokens = new ApiTokenService(_database, TimeProvider.System);
        Services.AddSingleton(_tokens);
        var authorization = AddAuthorization();
        authorization.SetAuthorized("holder@demoland.example");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId), new Claim(ClaimTypes.Role, PortalRoles.Delegation), new Claim(Viewer.MemberStateClaim, "Demoland"));
    }

    public new async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ATokenIsMadeShownOnceListedAndRevoked()
    {
        var page = Render<ApiTokensPage>();
        Assert.Contains("You have no API tokens.", page.Markup);

        page.Find("[data-testid=create-token]").Click();
        page.WaitForAssertion(() => Assert.Contains("Give the token a name", page.Markup));
        Assert.Empty(await _tokens.ListAsync(UserId));

        page.Find("input[data-testid=token-name]").Input("Mission mirror");
        page.Find("[data-testid=create-token]").Click();
        var shown = page.WaitForElement("[data-testid=new-token]").TextContent.Trim();
        Assert.Matches("^unp_", shown);
        Assert.Equal(UserId, (await _tokens.CheckAsync(shown)).UserId);
        var row = page.Find("[data-testid=token-row]");
        Assert.Contains("Mission mirror", row.TextContent);
        Assert.Contains(shown[..10], row.TextContent);

        // Shown once: the page opened again lists the token but never shows it.
        var again = Render<ApiTokensPage>();
        Assert.Empty(again.FindAll("[data-testid=new-token]"));
        Assert.DoesNotContain(shown, again.Markup);

        again.Find("[data-testid=token-row] button").Click();
        again.WaitForAssertion(() => Assert.Contains("Revoked", again.Find("[data-testid=token-row]").TextContent));
        Assert.Contains("revoked", (await _tokens.CheckAsync(shown)).Failure);
    }
}
