using Microsoft.Extensions.Options;

namespace Portal.Features.Alerts;

/// <summary>Registration of the alerts, and the one-click unsubscribe address mail clients POST to (RFC 8058).</summary>
public static class AlertEndpoints
{
    public static IServiceCollection AddPortalAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertWakeUp>();
        services.AddSingleton<AlertManageLinks>();
        services.AddSingleton<AlertComposer>();
        services.AddSingleton<AlertSubscriptionService>();
        services.AddSingleton<AlertMatcher>();
        services.AddSingleton<AlertDigests>();
        services.AddSingleton<AlertOutbox>();
        services.AddSingleton<AlertWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertWorker>());
        return services;
    }

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The mail client posts "List-Unsubscribe=One-Click" with no cookie and no antiforgery token: the
        // token in the address is the authority. The answer is the same whether or not it was still subscribed.
        endpoints.MapPost("/alerts/unsubscribe/{token}/one-click", async (string token, AlertSubscriptionService subscriptions, CancellationToken cancellationToken) =>
        {
            await subscriptions.UnsubscribeAsync(token, cancellationToken);
            return Results.Text("Unsubscribed: this subscription sends no more messages.\n", "text/plain; charset=utf-8");
        });
        // A client that opens the address instead of posting to it gets the page that asks first.
        endpoints.MapGet("/alerts/unsubscribe/{token}/one-click", (string token) => Results.Redirect(AlertComposer.UnsubscribePath(Uri.EscapeDataString(token))));
        return endpoints;
    }
}
