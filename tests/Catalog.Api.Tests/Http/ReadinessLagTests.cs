using System.Globalization;
using System.Net;
using System.Text.Json;
using Catalog.Api.Tests.Fixtures;
using Catalog.Core;
using Catalog.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Api.Tests.Http;

/// <summary>
/// A replica behind other replicas' writes: <c>/health/ready</c> stays 200 within <c>Catalog:Search:ReadyMaxLag</c>
/// and is 503 beyond it; <c>/metrics</c> shows the lag in entries and seconds. Runs alone: the gauges are
/// process-wide, and another live test host would publish its own values into them.
/// </summary>
[Collection(InProcessHostGroup.Name)]
public sealed class ReadinessLagTests
{
    [Fact(Timeout = 120_000)]
    public async Task Ready_holds_while_behind_within_ReadyMaxLag_is_503_beyond_it_and_metrics_show_the_lag()
    {
        await using var api = new LaggingApi();
        var client = api.CreateClient();
        await StopTailingAsync(api);

        await WriteFromAnotherReplicaAsync(api, "recent-2026", CatalogApiFactory.FixedNow.AddSeconds(-10));
        var within = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.OK, within.Status);
        Assert.Equal(1, within.Index.GetProperty("data").GetProperty("lag").GetInt64());
        Assert.Equal(10, within.Index.GetProperty("data").GetProperty("lagSeconds").GetDouble());
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(10, Gauge(metrics, "catalog_change_log_lag_seconds"));
        Assert.Equal(1, Gauge(metrics, "catalog_index_lag"));
        Assert.Equal(1, Gauge(metrics, "catalog_index_ready"));

        await api.CatchUpIndexAsync();
        metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(0, Gauge(metrics, "catalog_change_log_lag_seconds"));
        Assert.Equal(0, Gauge(metrics, "catalog_index_lag"));

        await WriteFromAnotherReplicaAsync(api, "stale-2026", CatalogApiFactory.FixedNow.AddSeconds(-60));
        var beyond = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, beyond.Status);
        Assert.Contains("60 s behind", beyond.Index.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Gauge(await client.GetStringAsync("/metrics"), "catalog_index_ready"));

        await api.CatchUpIndexAsync();
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).Status);
    }

    private sealed class LaggingApi : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Catalog:Search:ReadyMaxLag"] = "00:00:30",
        };
    }

    /// <summary>Stops this replica's catch-up loop (the index keeps serving): it falls behind until the test catches it up.</summary>
    private static async Task StopTailingAsync(CatalogApiFactory api) =>
        await api.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "IndexMaintenanceService").StopAsync(CancellationToken.None);

    /// <summary>Another replica on the same store, whose catalog clock reads <paramref name="now"/>, adds a title.</summary>
    private static async Task WriteFromAnotherReplicaAsync(CatalogApiFactory api, string id, DateTimeOffset now)
    {
        var catalog = new CatalogOptions { DataDirectory = api.DataDirectory };
        await using var replica = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(now))
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(catalog))
            .AddCatalogStore(catalog, new StoreOptions())
            .BuildServiceProvider();
        await using var db = replica.GetRequiredService<ICatalogDbFactory>().Create();
        db.Titles.Add(CatalogApiFactory.NewTitle(id, id));
        await db.SaveChangesAsync();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Index)> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, report.GetProperty("checks").GetProperty("index").Clone());
    }

    private static double Gauge(string metrics, string name)
    {
        var line = metrics.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
