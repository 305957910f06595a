namespace Portal.Infrastructure;

/// <summary>
/// `dotnet run` applies Properties/launchSettings.json, whose environment variables replace the
/// caller's: a profile that set ASPNETCORE_ENVIRONMENT=Development would run a server started with
/// ASPNETCORE_ENVIRONMENT=Production in Development (stack traces to visitors), and DOTNET_ENVIRONMENT
/// in a profile would win over ASPNETCORE_ENVIRONMENT with WebApplication. So the profile only sets
/// PORTAL_DEFAULT_ENVIRONMENT, used when the caller chose no environment.
/// </summary>
public static class LaunchEnvironment
{
    public const string DefaultVariable = "PORTAL_DEFAULT_ENVIRONMENT";

    public static void ApplyDefault()
    {
        if (Environment.GetEnvironmentVariable(DefaultVariable) is { Length: > 0 } fallback
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")))
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", fallback);
        }
    }
}
