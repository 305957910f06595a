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
        // The interface in Arabic, right to left (issue 17).
        "/sessions/ga/75?ui=ar",
        "/A/75/778?ui=ar",
    ];
}
