using Catalog.Api.Hosting;
using Catalog.Api.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catalog.Api.Tests.Http;

/// <summary>Per-request log lines are off in Production (their cost rivals a cached answer's), on elsewhere.</summary>
public sealed class ProductionLoggingTests
{
    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public async Task Request_lines_are_logged_outside_production_only(string environment, bool logged)
    {
        await using var app = CatalogWebApp.Build(new CommonSettings(null, [$"--environment={environment}"]), null);

        var logger = app.Services.GetRequiredService<ILogger<RequestLogging>>();

        Assert.Equal(logged, logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }
}
