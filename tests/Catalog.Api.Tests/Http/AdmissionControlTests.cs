using System.Net;
using System.Threading.RateLimiting;
using Catalog.Api.Http;
using Catalog.Api.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Http;

/// <summary>
/// One execution slot and one queue place: the test holds them through the real <see cref="ExecutionAdmission"/>
/// (no sleeps), so what a request meets is deterministic.
/// </summary>
public sealed class AdmissionControlTests(AdmissionControlTests.OneSlotApi api) : IClassFixture<AdmissionControlTests.OneSlotApi>
{
    public sealed class OneSlotApi : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Catalog:GraphQL:MaxConcurrentExecutions"] = "1",
            ["Catalog:GraphQL:QueueLength"] = "1",
        };
    }

    private readonly ExecutionAdmission admission = api.Services.GetRequiredService<ExecutionAdmission>();

    [Fact]
    public async Task Beyond_the_slots_and_queue_requests_get_503_with_retry_after_at_once_and_health_still_answers()
    {
        var client = api.CreateClient();
        using (var slot = await admission.EnterAsync(CancellationToken.None))
        {
            var queued = admission.EnterAsync(CancellationToken.None);

            var refused = await client.PostGraphQLAsync("{ overloaded: __typename }");
            var live = await client.GetAsync("/health/live");
            var ready = await client.GetAsync("/health/ready");
            var metrics = await client.GetStringAsync("/metrics");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
            Assert.Equal(["OVERLOADED"], refused.ErrorCodes);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Http.Headers.RetryAfter?.Delta);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("catalog_graphql_rejected_total{reason=\"overloaded\"}", metrics, StringComparison.Ordinal);
            slot.Dispose();
            (await queued).Dispose();
        }

        (await client.PostGraphQLAsync("{ admittedAgain: __typename }")).EnsureSuccess();
    }

    [Fact]
    public async Task A_queued_request_runs_when_a_slot_frees()
    {
        var slot = await admission.EnterAsync(CancellationToken.None);
        var waiting = api.CreateClient().PostGraphQLAsync("{ queuedThenRun: __typename }");
        await WhenAsync(() => admission.Statistics.CurrentQueuedCount == 1);

        slot.Dispose();

        (await waiting).EnsureSuccess();
    }

    [Fact]
    public async Task A_client_that_leaves_while_queued_gives_its_place_back()
    {
        using var slot = await admission.EnterAsync(CancellationToken.None);
        using var leave = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ leaving: __typename }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        var leaving = api.CreateClient().SendAsync(request, leave.Token);
        await WhenAsync(() => admission.Statistics.CurrentQueuedCount == 1);

        await leave.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        await WhenAsync(() => admission.Statistics.CurrentQueuedCount == 0);
    }

    [Fact]
    public async Task A_request_still_waiting_after_twice_the_execution_timeout_gets_503_timeout()
    {
        await using var quick = new ShortDeadlineApi();
        using var slot = await quick.Services.GetRequiredService<ExecutionAdmission>().EnterAsync(CancellationToken.None);

        var response = await quick.CreateClient().PostGraphQLAsync("{ neverAdmitted: __typename }");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        Assert.Equal(["TIMEOUT"], response.ErrorCodes);
    }

    private sealed class ShortDeadlineApi : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Catalog:GraphQL:MaxConcurrentExecutions"] = "1",
            ["Catalog:GraphQL:ExecutionTimeout"] = "00:00:00.050",
        };
    }

    /// <summary>Waits for a condition another request brings about (polling, bounded; not a fixed sleep).</summary>
    private static async Task WhenAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
            await Task.Delay(5, timeout.Token);
    }
}
