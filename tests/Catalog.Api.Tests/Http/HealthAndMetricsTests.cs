using System.Net;
using System.Text.Json;
using Catalog.Api.Health;
using Catalog.Api.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace Catalog.Api.Tests.Http;

/// <summary>/health/live, /health/ready (store reachable, index caught up) and Prometheus metrics at /metrics.</summary>
public sealed class HealthAndMetricsTests(CatalogApiFactory api) : IClassFixture<CatalogApiFactory>
{
    [Fact]
    public async Task Live_is_200()
    {
        var response = await api.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_is_200_with_each_check_when_the_store_answers()
    {
        var response = await api.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        var index = report.GetProperty("checks").GetProperty("index");
        Assert.Equal("Healthy", index.GetProperty("status").GetString());
        Assert.Equal(0, index.GetProperty("data").GetProperty("lag").GetInt64());
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Ready_is_503_and_live_200_while_the_store_is_unreachable()
    {
        await using var own = new CatalogApiFactory();
        var client = own.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var moved = own.DataDirectory + "-moved";
        SqliteConnection.ClearAllPools();
        Directory.Move(own.DataDirectory, moved);
        try
        {
            var ready = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("\"Unhealthy\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Move(moved, own.DataDirectory);
        }
    }

    [Fact]
    public async Task Metrics_are_served_in_prometheus_text_format_with_request_counts()
    {
        var client = api.CreateClient();
        (await client.PostGraphQLAsync("{ __typename }")).EnsureSuccess();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("http_requests_received_total", text, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("endpoint=\"/graphql\"", text, StringComparison.Ordinal);
        Assert.Contains("catalog_graphql_execution_seconds_count{operation=\"query\",outcome=\"ok\"}", text, StringComparison.Ordinal);
        Assert.Contains("catalog_index_lag ", text, StringComparison.Ordinal);
        Assert.Contains("catalog_index_ready ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_request_aspnetcore_meters_are_left_out_of_metrics()
    {
        var client = api.CreateClient();
        await client.GetAsync("/metrics"); // the first scrape starts the meter adapter
        (await client.PostGraphQLAsync("{ __typename }")).EnsureSuccess();

        var text = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("microsoft_aspnetcore_hosting", text, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.True(MeterExport.IsExported("Microsoft.AspNetCore.Server.Kestrel"));
        Assert.True(MeterExport.IsExported("System.Runtime"));
        Assert.False(MeterExport.IsExported("Microsoft.AspNetCore.MemoryPool"));
        // Event sources go through the same test: the hosting one is left out, Kestrel's (dash-named) stays.
        Assert.False(MeterExport.IsExported("Microsoft.AspNetCore.Hosting"));
        Assert.True(MeterExport.IsExported("Microsoft-AspNetCore-Server-Kestrel"));
    }
}
