using System.Net;
using Catalog.Api.Health;
using Catalog.Api.Health.WarmUp;
using Catalog.Api.Tests.Fixtures;
using Catalog.Search.Indexing;
using Catalog.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Http;

/// <summary>The host serves health from the start while the index is still being prepared in the background.</summary>
public sealed class StartupHealthTests
{
    [Fact(Timeout = 120_000)]
    public async Task Live_is_200_ready_503_and_graphql_asks_to_retry_while_the_index_opens_then_all_serve()
    {
        var gate = new HeldStartup();
        await using var api = new GatedApi(gate);
        using var client = api.CreateClient();
        // The start is observably in progress: held inside the store preparation that precedes the index build.
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        var starting = await client.PostGraphQLAsync("{ __typename }");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.Status);
        Assert.Equal(["SERVICE_UNAVAILABLE"], starting.ErrorCodes);
        Assert.Equal(TimeSpan.FromSeconds(IndexStartupGate.RetryAfterSeconds), starting.Http.Headers.RetryAfter?.Delta);

        gate.Release();
        await api.Services.GetRequiredService<IndexStartup>().Opened.WaitAsync(TimeSpan.FromSeconds(60));
        await api.Services.GetRequiredService<SearchWarmUp>().Completed.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        (await client.PostGraphQLAsync("{ __typename }")).EnsureSuccess();
    }

    /// <summary>A start-up step that signals when it runs and waits until the test lets it finish.</summary>
    private sealed class HeldStartup : IStoreStartupTask
    {
        private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => entered.Task;

        public void Release() => released.TrySetResult();

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            entered.TrySetResult();
            await released.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed class GatedApi(HeldStartup gate) : CatalogApiFactory
    {
        protected override bool WaitForIndexAtStart => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStoreStartupTask>(gate));
        }

        public override async ValueTask DisposeAsync()
        {
            gate.Release();
            await base.DisposeAsync();
        }
    }
}
