namespace Portal.Tests.Accessibility;

/// <summary>One page of every kind the portal serves, on the demo data.</summary>
public static class AccessibilityPages
{
    public static TheoryData<string> All =>
    [
        "/",
        "/sessions",
        "/sessions/ga/75",
        "/sessions/ga/75/items/71",
        "/A/75/778",
        "/documents/1",
        "/zh/A/75/950",
        "/search?q=Demoland",
        "/today?date=2021-06-14",
        "/alerts/subscribe?target=item:ga-75-71",
        "/no-such-page",
        // Two language versions side by side, one of them right to left.
        "/A/75/300/compare?left=en&right=ar",
        // The interface in Arabic, right to left (issue 17).
        "/sessions/ga/75?ui=ar",
        "/A/75/778?ui=ar",
    ];

    /// <summary>Notices the pages above do not show, each with its own colours (AxeTests only).</summary>
    public static TheoryData<string> Notices =>
    [
        // The search's introduction: an outlined info notice on the page's background.
        "/search",
        // A symbol the portal does not hold: a warning with a link to undocs.org in its text.
        "/A/75/9999",
    ];

    /// <summary>Every page above and every signed-out account page with the interface in Arabic, right to left.</summary>
    public static TheoryData<string> InArabic => [.. All.Concat(SignedOutAccountPages).Select(p => p.Data).Where(p => !p.Contains("ui=", StringComparison.Ordinal)).Select(InArabicInterface)];

    /// <summary>The pages behind a sign-in with the interface in Arabic.</summary>
    public static TheoryData<string, string> SignedInInArabic => [.. SignedIn.Select(p => (InArabicInterface(p.Data.Item1), p.Data.Item2))];

    /// <summary>
    /// Every page above, the signed-out account pages and the Arabic copies, for a visitor whose system prefers the
    /// dark theme (the portal follows it until the visitor chooses; AxeTests opens them with that preference).
    /// </summary>
    public static TheoryData<string> InDarkTheme => [.. All.Concat(SignedOutAccountPages).Concat(InArabic).Select(p => p.Data)];

    private static string InArabicInterface(string path) => path + (path.Contains('?') ? "&" : "?") + "ui=ar";

    /// <summary>
    /// The account pages open to everyone. Checked by axe only for now: their AccountPanel's scoped CSS writes
    /// b-* attributes the Nu HTML checker (HtmlValidityTests) reports as errors.
    /// </summary>
    public static TheoryData<string> SignedOutAccountPages =>
    [
        "/account/sign-in",
        "/account/forgot-password",
    ];

    /// <summary>The pages behind a sign-in, with the role that opens them (see SignedInAxeTests).</summary>
    public static TheoryData<string, string> SignedIn =>
    [
        ("/account", "editor"),
        ("/account/two-factor", "editor"),
        ("/account/change-password", "editor"),
        ("/manage/documents", "editor"),
        ("/manage/documents/new", "editor"),
        ("/manage/documents/1", "editor"),
        ("/manage/accounts", "administrator"),
        ("/manage/audit", "administrator"),
        ("/manage/dumps", "administrator"),
        ("/manage/mission", "focal point"),
    ];
}
