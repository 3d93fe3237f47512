using Catalog.Api.Cli;
using Catalog.Api.Http;
using Catalog.Api.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Tests.Http;

/// <summary>Transport limits are checked when the host starts, so a bad value never surfaces as a 500.</summary>
[Collection(InProcessHostGroup.Name)]
public sealed class TransportOptionsTests
{
    [Theory]
    [InlineData("Catalog:GraphQL:ExecutionTimeout", "00:00:00")]
    [InlineData("Catalog:GraphQL:MaxDepth", "0")]
    [InlineData("Catalog:GraphQL:MaxComplexity", "-5")]
    [InlineData("Catalog:GraphQL:MaxRequestBytes", "10")]
    [InlineData("Catalog:GraphQL:MaxSelections", "0")]
    [InlineData("Catalog:GraphQL:MaxConcurrentExecutions", "0")]
    [InlineData("Catalog:RateLimits:SearchesPerMinute", "0")]
    public async Task Serve_refuses_to_start_with_invalid_limits(string key, string value)
    {
        var data = Path.Combine(Path.GetTempPath(), "catalog-api-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var exitCode = await CatalogCli.RunAsync(
                ["serve", "--urls", "http://127.0.0.1:0", "--data", data, $"--{key}={value}", $"--{Hosting.CatalogWebApp.SeedSampleKey}=false"]);

            Assert.NotEqual(0, exitCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Configured_timeout_reaches_the_options()
    {
        await using var api = new TimeoutApiFactory();
        api.CreateClient();

        Assert.Equal(TimeSpan.FromSeconds(2.5), api.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.ExecutionTimeout);
    }

    private sealed class TimeoutApiFactory : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Catalog:GraphQL:ExecutionTimeout"] = "00:00:02.5" };
    }
}
