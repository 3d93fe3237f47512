using Catalog.Api.Auth;
using Catalog.Api.Cli;
using Catalog.Api.Tests.Crash;
using Catalog.Store.Tests.Fixtures;
using Npgsql;

namespace Catalog.Api.Tests.Replicas;

/// <summary>
/// A fresh PostgreSQL database shared by several <c>catalog serve</c> processes (<see cref="Replica"/>s),
/// each with its own data folder and port, one signing key for all, the search rate limit lifted (every
/// request comes from one loopback address) and a longer execution timeout (a busy shared CI machine must
/// not turn a slow setup write into a failure; lag is measured from the acknowledgement). Skips the test
/// without a PostgreSQL server.
/// </summary>
public sealed class ReplicaCluster : IAsyncDisposable
{
    public static readonly TimeSpan Patience = CrashSandbox.Patience;

    private readonly string key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly List<Replica> replicas = [];
    private readonly List<CatalogProcess> others = [];

    private ReplicaCluster(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "catalog-replica-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The settings that put a process's store in this cluster's database.</summary>
    public IReadOnlyList<string> StoreSettings =>
        ["--Catalog:Store:Provider=Postgres", $"--Catalog:Store:ConnectionString={ConnectionString}"];

    public static async Task<ReplicaCluster> CreateAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var cluster = new ReplicaCluster(connectionString);
        Directory.CreateDirectory(cluster.Root);
        return cluster;
    }

    /// <summary>
    /// A replica (not started) with its own data folder. Sample seeding is off unless <paramref name="settings"/>
    /// (extra <c>--Key=value</c>s, which win over the defaults here) turn it on.
    /// </summary>
    public Replica Add(string name, params string[] settings)
    {
        var replica = new Replica(name, Path.Combine(Root, name), [
            .. StoreSettings, $"--Catalog:Auth:SigningKey={key}", "--Catalog:RateLimits:SearchesPerMinute=1000000000",
            "--Catalog:GraphQL:ExecutionTimeout=00:01:00", "--Catalog:SeedSampleWhenEmpty=false", .. settings,
        ]);
        replicas.Add(replica);
        return replica;
    }

    /// <summary>Adds and starts replicas at once, then waits until every one is ready.</summary>
    public async Task<Replica[]> StartAsync(params string[] names)
    {
        var started = names.Select(n => Add(n)).ToArray();
        foreach (var replica in started)
            replica.Launch();
        await Task.WhenAll(started.Select(r => r.WaitUntilReadyAsync()));
        return started;
    }

    /// <summary>Writes a generated catalog (see <see cref="CrashSandbox.WriteCatalogFile"/>) into this cluster's folder.</summary>
    public string WriteCatalog(string prefix, int count)
    {
        var path = Path.Combine(Root, $"{prefix}.json");
        CrashSandbox.WriteCatalogFile(path, prefix, count);
        return path;
    }

    /// <summary><c>catalog import</c> into the shared store, in this process (setup, not under test).</summary>
    public async Task ImportAsync(string path)
    {
        using var output = new StringWriter();
        var exit = await CatalogCli.RunAsync(["import", path, "--data", Path.Combine(Root, "setup"), .. StoreSettings], output);
        Assert.True(exit == 0, $"setup import failed: {output}");
    }

    /// <summary><c>catalog import</c> as its own process (the import under test), its data folder unused by any replica.</summary>
    public CatalogProcess StartImport(string path)
    {
        var import = CatalogProcess.Start(["import", path, "--data", Path.Combine(Root, "importer"), .. StoreSettings]);
        others.Add(import);
        return import;
    }

    /// <summary><c>catalog verify</c> on a stopped replica's data folder: its committed index equals the store.</summary>
    public async Task VerifyAsync(Replica replica)
    {
        using var output = new StringWriter();
        var exit = await CatalogCli.RunAsync(["verify", "--data", replica.Data, .. StoreSettings], output);
        Assert.True(exit == 0, $"catalog verify of replica {replica.Name} found differences:\n{output}");
    }

    public string Token(string subject, string role = AuthOptions.ViewerRole) =>
        DevelopmentTokens.Create(new AuthOptions { SigningKey = key }, subject, subject, role, TimeProvider.System.GetUtcNow());

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Whether a session holds the store's write lock (PostgresWriteLock.Key, 0x4361744C6F67) in this
    /// cluster's database: a write transaction (an import, a seeding) is under way.
    /// </summary>
    public async Task<bool> WriteLockHeldAsync() =>
        await CountAsync("""
            SELECT COUNT(*) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND ((classid::bigint << 32) | objid::bigint) = 74085842055015
            """) > 0;

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in replicas)
            await replica.DisposeAsync();
        foreach (var process in others)
            await process.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
