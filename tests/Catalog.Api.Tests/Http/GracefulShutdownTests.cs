using System.Diagnostics;
using System.Net;
using System.Text;
using Catalog.Api.Health.WarmUp;
using Catalog.Api.Hosting;
using Catalog.Api.Http;
using Catalog.Api.Tests.Fixtures;
using Catalog.Search.Indexing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Tests.Http;

/// <summary>
/// The real host on Kestrel (as <c>catalog serve</c> builds it) stops within HostOptions.ShutdownTimeout while
/// a request waits for an execution slot that never frees and a fragment bomb is in flight: stopping cancels
/// queueing, validation and execution, so Kestrel has no request left to wait for.
/// </summary>
[Collection(InProcessHostGroup.Name)]
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task The_host_stops_within_its_shutdown_timeout_with_hostile_requests_in_flight()
    {
        var data = Path.Combine(Path.GetTempPath(), "catalog-api-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = CatalogWebApp.Build(new CommonSettings(data,
            [
                "--environment=Development", "--shutdownTimeoutSeconds=5", "--Logging:LogLevel:Default=Warning",
                $"--{CatalogWebApp.SeedSampleKey}=false",
                "--Catalog:GraphQL:MaxConcurrentExecutions=1", "--Catalog:GraphQL:QueueLength=4",
            ]), "http://127.0.0.1:0");
            await app.StartAsync();
            await app.Services.GetRequiredService<IndexStartup>().Opened.WaitAsync(TimeSpan.FromSeconds(120));
            // The start-up warm-up's search takes the one execution slot too: were it queued, the wait below would see it
            // instead of the test's own request, which the stop could then cut off before it was read.
            await app.Services.GetRequiredService<SearchWarmUp>().Completed.WaitAsync(TimeSpan.FromSeconds(120));
            var shutdownTimeout = app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
            var admission = app.Services.GetRequiredService<ExecutionAdmission>();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            using var stuck = await admission.EnterAsync(CancellationToken.None);
            var queued = client.PostGraphQLAsync("{ waitingAtShutdown: __typename }");
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            {
                while (admission.Statistics.CurrentQueuedCount == 0)
                    await Task.Delay(5, timeout.Token);
            }

            var bomb = client.PostGraphQLAsync(FragmentBomb(29));
            var started = Stopwatch.GetTimestamp();
            await app.StopAsync();
            var stopping = Stopwatch.GetElapsedTime(started);

            Assert.Equal(TimeSpan.FromSeconds(5), shutdownTimeout);
            Assert.True(stopping < shutdownTimeout, $"stopping took {stopping}");
            var answer = await queued;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
            Assert.Equal(["SHUTTING_DOWN"], answer.ErrorCodes);
            // The bomb is refused in milliseconds; if the stop closed the connection before Kestrel read it, it never
            // ran, which is as good: what it must not do is hold the stop up.
            try
            {
                Assert.Equal(HttpStatusCode.BadRequest, (await bomb).Status);
            }
            catch (HttpRequestException)
            {
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static string FragmentBomb(int k)
    {
        var text = new StringBuilder("fragment F0 on Title { id name } ");
        for (var i = 1; i <= k; i++)
            text.Append($"fragment F{i} on Title {{ ...F{i - 1} ...F{i - 1} }} ");
        return text.Append($"{{ title(id: \"the-iron-giant-1999\") {{ ...F{k} }} }}").ToString();
    }
}
