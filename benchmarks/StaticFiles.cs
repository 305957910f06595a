#:sdk Microsoft.NET.Sdk.Web
// Baseline for benchmarks/downloads.sh: Kestrel serving a folder with the static file middleware.
// Usage: dotnet run -c Release benchmarks/StaticFiles.cs -- <folder> <url>
using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateBuilder();
builder.Logging.ClearProviders();
var app = builder.Build();
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(args[0]), ServeUnknownFileTypes = true });
app.Run(args[1]);
