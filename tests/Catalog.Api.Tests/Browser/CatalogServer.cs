using Catalog.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Browser;

/// <summary>
/// The real Kestrel host of <c>catalog serve</c> on a free loopback port: Development environment, a fresh
/// temp data folder seeded with the bundled sample catalog, the clock fixed at the sample's as-of instant.
/// </summary>
public sealed class CatalogServer : IAsyncDisposable
{
    /// <summary>The instant the sample's dates were synthesised around (the README's first command uses it too).</summary>
    public static readonly DateTimeOffset SampleNow = new(2010, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;

    private CatalogServer(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        this.app = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public string DataDirectory { get; }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="settings">Configuration keys given as if on the command line, on top of the defaults here.</param>
    public static async Task<CatalogServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "catalog-browser-tests", Guid.NewGuid().ToString("N"));
        var hostArgs = new List<string>
        {
            "--environment=Development",
            $"--Catalog:Clock:Now={SampleNow:O}",
            // One log line per request would bury the test output; failures still log.
            "--Logging:LogLevel:Default=Warning",
        };
        hostArgs.AddRange((settings ?? new Dictionary<string, string?>()).Select(s => $"--{s.Key}={s.Value}"));

        var app = CatalogWebApp.Build(new CommonSettings(dataDirectory, hostArgs), "http://127.0.0.1:0");
        await CatalogWebApp.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new CatalogServer(app, dataDirectory, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A client for HTTP-level checks that leaves compression visible (no automatic decompression).</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None, AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
        };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}
