using Npgsql;

namespace Catalog.Store.Tests.Fixtures;

/// <summary>
/// The PostgreSQL server the tests use (env <c>CATALOG_TEST_POSTGRES</c>): each store gets its own fresh
/// database. When no server answers, tests skip with the reason, unless <c>CATALOG_REQUIRE_EXTERNAL=1</c>.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<string?>> WhyUnavailable = new(ProbeAsync);

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("CATALOG_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Username=postgres;Password=postgres";

    /// <summary>Skips the calling test (or fails it, when external programs are required) without a server.</summary>
    public static async Task RequireAsync()
    {
        var reason = await WhyUnavailable.Value;
        if (reason is null)
            return;
        if (Environment.GetEnvironmentVariable("CATALOG_REQUIRE_EXTERNAL") == "1")
            throw new InvalidOperationException($"CATALOG_REQUIRE_EXTERNAL=1 but {reason}");
        Skip.If(true, reason);
    }

    /// <summary>Creates an empty database with a random name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        await RequireAsync();
        var name = "catalog_test_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(connection);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ProbeAsync()
    {
        // Generous: the API tests start a score of hosts at once, and on a busy 2-core machine a live server's first
        // answer took over 5 s. An absent server refuses at once, so this only delays a host that drops packets.
        var probe = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Timeout = 30, Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(probe.ToString());
            await connection.OpenAsync();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ArgumentException)
        {
            return $"no PostgreSQL server reachable at '{probe.Host}:{probe.Port}' (set CATALOG_TEST_POSTGRES): {e.Message}";
        }
    }
}

/// <summary>Theory data: run a store test once per provider.</summary>
public static class StoreProviders
{
    public static TheoryData<StoreProvider> Both => new() { StoreProvider.Sqlite, StoreProvider.Postgres };
}
