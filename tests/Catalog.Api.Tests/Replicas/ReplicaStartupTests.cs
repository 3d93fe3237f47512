using System.Reflection;
using Catalog.Api.Tests.Crash;
using Catalog.Api.Tests.Fixtures;
using Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Catalog.Api.Tests.Replicas;

/// <summary>
/// PostgreSQL only: replicas that start together on an empty database prepare it once. Migrations and
/// the sample seeding run under one advisory lock, so the second replica waits and finds the store seeded.
/// </summary>
[Collection(InProcessHostGroup.Name)]
public sealed class ReplicaStartupTests
{
    private const string SeededMessage = "Seeded the sample catalog";

    [SkippableFact(Timeout = 300_000)]
    public async Task Two_replicas_starting_together_on_an_empty_database_migrate_once_and_seed_the_sample_once()
    {
        await using var cluster = await ReplicaCluster.CreateAsync();
        string[] seeding = ["--Catalog:SeedSampleWhenEmpty=true", "--Logging:LogLevel:Catalog.Api.Hosting.SampleCatalogSeeder=Information"];
        var replicas = new[] { cluster.Add("a", seeding), cluster.Add("b", seeding) };

        // The worst moment to start the second: the first has migrated, found the store empty and is
        // importing the sample (uncommitted, under the write lock).
        var first = replicas[0].Launch();
        await CrashSandbox.WaitForAsync(async () => first.HasExited || await cluster.WriteLockHeldAsync(), "replica a to start seeding",
            ReplicaCluster.Patience, () => first.Output);
        Assert.False(first.HasExited, $"replica a exited. Output:\n{first.Output}");
        replicas[1].Launch();
        await Task.WhenAll(replicas.Select(r => r.WaitUntilReadyAsync()));

        var seeders = replicas.Where(r => r.Process!.Output.Contains(SeededMessage, StringComparison.Ordinal)).Select(r => r.Name).ToList();
        Assert.True(seeders.Count == 1, $"expected exactly one replica to seed the sample, seeded by: [{string.Join(", ", seeders)}]");
        var migrations = typeof(PostgresCatalogDbContext).Assembly.GetTypes()
            .Count(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(PostgresCatalogDbContext));
        Assert.Equal(migrations, await cluster.CountAsync("""SELECT COUNT(*) FROM __migrations """));
        var titles = await cluster.CountAsync("""SELECT COUNT(*) FROM "Titles" """);
        Assert.True(titles > 1000, $"the sample holds thousands of titles, the store {titles}");
        Assert.Equal(await replicas[0].TotalTitlesAsync(), await replicas[1].TotalTitlesAsync());

        // Demo reviews count once in their titles' ratings: the index (verified against the store) agrees.
        await ReplicationTests.StopAndVerifyAsync(cluster, replicas);
    }
}
