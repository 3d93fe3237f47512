using Catalog.Api.Hosting;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Configuration;

/// <summary>Every options section is bound, validated and checked at start: a bad value stops the host and names its key.</summary>
[Collection(InProcessHostGroup.Name)]
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Catalog:Titles:MaxYearsAhead", "-1")]
    [InlineData("Catalog:Titles:MaxYearsAhead", "ten")]
    [InlineData("Catalog:Rails:NewReleaseDays", "0")]
    [InlineData("Catalog:Ranking:PriorVotes", "-1")]
    [InlineData("Catalog:Search:CatchUpBatchSize", "0")]
    [InlineData("Catalog:Auth:TokenLifetime", "00:00:00")]
    [InlineData("Catalog:GraphQL:MaxDepth", "0")]
    [InlineData("Catalog:RateLimits:VotesPerMinute", "-1")]
    [InlineData("Catalog:Store:ChangeLogRetention", "00:00:00")]
    [InlineData("Catalog:Store:ChangeLogCompactionInterval", "-00:00:01")]
    [InlineData("Catalog:Store:ChangeLogCompactionBatchSize", "0")]
    [InlineData("Catalog:Search:ReadyMaxLag", "-00:00:01")]
    public async Task A_bad_value_stops_the_start_naming_its_key(string key, string value)
    {
        using var data = new TempFolder("catalog-api-tests");
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = CatalogWebApp.Build(new CommonSettings(data.Path, [$"--{key}={value}", $"--{CatalogWebApp.SeedSampleKey}=false"]), "http://127.0.0.1:0");
            await app.StartAsync();
        });

        Assert.True(OptionsRegistration.IsConfigurationError(error), $"{error.GetType().Name}: {error.Message}");
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
