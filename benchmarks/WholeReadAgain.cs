#:project ../Portal/Portal.csproj
#:property PublishAot=false
// What a search waits for when the memory of listing days and access (DatesAndAccess) is due to be read whole again:
// the first use (read whole, waited for), then, the clock moved on by MaxAge, the use that finds it due, and the whole
// read that follows in the background. Usage: dotnet run -c Release benchmarks/WholeReadAgain.cs -- <corpus .db> [rounds]
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Search;
using Portal.Infrastructure;

var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={args[0]};Mode=ReadOnly").Options;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 5;
var clock = new MovableClock();
var memory = new DatesAndAccess(new Factory(options), clock);
int[] ids = [1, 2, 3];
var watch = Stopwatch.StartNew();
await memory.VisibleToAsync(ids, Viewer.Anonymous, default);
Console.WriteLine($"first use (read whole): {watch.Elapsed.TotalMilliseconds:F1} ms");
for (var round = 0; round < rounds; round++)
{
    clock.Now += DatesAndAccess.MaxAge;
    watch.Restart();
    await memory.VisibleToAsync(ids, Viewer.Anonymous, default);
    var due = watch.Elapsed.TotalMilliseconds;
    await memory.WholeReadUnderWay;
    var whole = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    await memory.VisibleToAsync(ids, Viewer.Anonymous, default);
    Console.WriteLine($"use that finds it due: {due:F1} ms; whole read done after {whole:F1} ms; next use {watch.Elapsed.TotalMilliseconds:F1} ms");
}

sealed class MovableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}

sealed class Factory(DbContextOptions<SqlitePortalDbContext> o) : IDbContextFactory<PortalDbContext> { public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(o); }
