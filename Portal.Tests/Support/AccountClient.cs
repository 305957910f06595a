using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Tests.Support;

/// <summary>
/// A browser-like HTTP client for the portal on real Kestrel: it keeps cookies, does not follow redirects
/// (tests look at where they go), and fills in the server-rendered forms the way a browser posts them,
/// with the antiforgery token and Blazor's form name taken from the page.
/// </summary>
public sealed partial class AccountClient : IDisposable
{
    private readonly HttpClient _http;

    public AccountClient(Uri baseAddress)
        : this(baseAddress, new CookieContainer())
    {
    }

    /// <summary>A client that shares <paramref name="cookies"/> with others, as one browser does across the instances of one host.</summary>
    public AccountClient(Uri baseAddress, CookieContainer cookies)
    {
        Cookies = cookies;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public async Task<string> GetStringAsync(string path)
    {
        var response = await _http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Loads <paramref name="path"/>, takes the form named <paramref name="formName"/> (the hidden
    /// <c>_handler</c> field), and posts it back with <paramref name="fields"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, IDictionary<string, string> fields)
    {
        var page = await GetStringAsync(path);
        return await PostFormAsync(path, page, formName, fields);
    }

    /// <summary>Posts the form <paramref name="formName"/> (its Blazor form name, or its action) found in <paramref name="page"/> to <paramref name="path"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string page, string formName, IDictionary<string, string> fields)
    {
        var form = FormPattern().Matches(page).Select(m => m.Value).FirstOrDefault(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal) || f.Contains($"action=\"{formName}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form named {formName} on {path}.");
        var values = new Dictionary<string, string>();
        foreach (Match hidden in HiddenPattern().Matches(form))
        {
            values[WebUtility.HtmlDecode(hidden.Groups["name"].Value)] = WebUtility.HtmlDecode(hidden.Groups["value"].Value);
        }
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        var action = ActionPattern().Match(form) is { Success: true } a && a.Groups["action"].Value.Length > 0 ? WebUtility.HtmlDecode(a.Groups["action"].Value) : path;
        return await _http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in with a password (and the authenticator key's current code, when given).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? authenticatorKey = null, string returnUrl = "")
    {
        var path = "/account/sign-in" + (returnUrl.Length > 0 ? "?returnUrl=" + Uri.EscapeDataString(returnUrl) : "");
        var response = await SubmitAsync(path, "sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (authenticatorKey is not null && response.Headers.Location?.OriginalString.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal) == true)
        {
            var next = response.Headers.Location.OriginalString;
            response = await SubmitAsync(next, "sign-in-two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(authenticatorKey) });
        }
        return response;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("^<form[^>]*action=\"(?<action>[^\"]*)\"")]
    private static partial Regex ActionPattern();
}
