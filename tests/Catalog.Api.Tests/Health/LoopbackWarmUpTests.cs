using Catalog.Api.Health.WarmUp;
using Catalog.Api.Http;
using Catalog.Api.Insights;
using Catalog.Api.Tests.Browser;
using Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Health;

/// <summary>
/// On a real server the warm-up sends its first round once more through the server's own socket, so the first viewer's
/// POST does not compile Kestrel's request path nor the first recorded insights event (those searches are rehearsals); it
/// dials only what leads back to this process over plain HTTP.
/// </summary>
public sealed class LoopbackWarmUpTests
{
    [Fact(Timeout = 240_000)]
    public async Task A_real_server_gets_the_first_rounds_searches_over_its_own_socket_and_keeps_no_insights()
    {
        await using var server = await CatalogServer.StartAsync();
        var warmUp = server.Services.GetRequiredService<SearchWarmUp>();
        await warmUp.Completed.WaitAsync(TimeSpan.FromMinutes(3));
        await warmUp.Rehearsal.WaitAsync(TimeSpan.FromMinutes(1));

        // The first round: the searches after the browse view; each answered 200 without errors, or the count stops.
        Assert.Equal(new WarmUpOptions().Searches - 1, warmUp.LoopbackSearches);
        // Each executed and recorded its event as a rehearsal (so its answer, holding a searchId, was not kept by the response
        // cache, where the rounds' answers were): queued and written as a viewer's, then rolled back.
        var backlog = server.Services.GetRequiredService<InsightsBacklog>();
        Assert.Equal(warmUp.LoopbackSearches, backlog.Accepted);
        Assert.Equal(warmUp.Searches - warmUp.LoopbackSearches, server.Services.GetRequiredService<ResponseCache>().Stores);
        await backlog.WaitUntilProcessedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
        await using var db = server.Services.GetRequiredService<ICatalogDbFactory>().Create();
        Assert.Equal(0, await db.SearchEvents.CountAsync());
        Assert.Equal(0, await db.SearchClicks.CountAsync());
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/")]
    [InlineData("http://+:80", "http://127.0.0.1/")]
    [InlineData("http://*:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000", "http://localhost:5000/")]
    [InlineData("http://10.1.2.3:8080", "http://10.1.2.3:8080/")] // bound to one interface: still this process
    public void A_listening_address_is_dialled_on_loopback_when_it_is_a_wildcard(string listening, string dialled) =>
        Assert.Equal(new Uri(dialled), LoopbackClient.Dialable([listening]));

    [Theory]
    [InlineData("https://127.0.0.1:5001")] // its certificate need not be trusted here
    [InlineData("http://unix:/run/catalog.sock")]
    [InlineData("http://catalog.example.com:80")] // a name that may lead elsewhere
    public void Addresses_that_may_not_lead_back_over_plain_http_are_not_dialled(string listening) =>
        Assert.Null(LoopbackClient.Dialable([listening]));

    [Fact]
    public void The_first_plain_http_address_is_dialled() =>
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), LoopbackClient.Dialable(["https://0.0.0.0:5001", "http://0.0.0.0:5000"]));
}
