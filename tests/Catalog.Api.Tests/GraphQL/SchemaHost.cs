using System.Security.Claims;
using System.Text.Json;
using Catalog.Api.Auth;
using Catalog.Api.GraphQL;
using Catalog.Api.Hosting;
using Catalog.Core.Titles;
using Catalog.Store;
using GraphQL;
using GraphQL.Types;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>
/// The schema over a real SQLite store, executed in process without HTTP: fast resolver-level tests
/// (auth is a ClaimsPrincipal as the transport would set it). HTTP behaviour is tested through CatalogApiFactory.
/// </summary>
public sealed class SchemaHost : IAsyncDisposable
{
    public static readonly DateTimeOffset FixedNow = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;

    private SchemaHost(string directory, ServiceProvider services)
    {
        DataDirectory = directory;
        this.services = services;
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => services;

    public static async Task<SchemaHost> CreateAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "catalog-schema-tests", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["Catalog:DataDirectory"] = directory,
            ["Catalog:Clock:Now"] = FixedNow.ToString("O"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration);
        collection.AddCatalogCore(configuration);
        collection.AddCatalogGraphQL();
        configure?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        await provider.GetRequiredService<StoreInitializer>().InitializeAsync();
        return new SchemaHost(directory, provider);
    }

    public static ClaimsPrincipal Viewer(string id = "viewer-1", string name = "Viewer One") => Principal(id, name, AuthOptions.ViewerRole);

    public static ClaimsPrincipal Curator(string id = "curator-1", string name = "Curator One") => Principal(id, name, AuthOptions.CuratorRole);

    public static ClaimsPrincipal Principal(string id, string name, string role) =>
        new(new ClaimsIdentity([new Claim("sub", id), new Claim("name", name), new Claim("role", role)], "Bearer", "name", "role"));

    public async Task SeedTitlesAsync(params Title[] titles)
    {
        await using var db = services.GetRequiredService<ICatalogDbFactory>().Create();
        db.Titles.AddRange(titles);
        await db.SaveChangesAsync();
    }

    public static Title NewTitle(string id, string name, Action<Title>? configure = null)
    {
        var title = new Title { Id = id, Name = name, AddedAt = FixedNow.UtcDateTime.AddDays(-1) };
        configure?.Invoke(title);
        return title;
    }

    public CatalogDbContext OpenStore() => services.GetRequiredService<ICatalogDbFactory>().Create();

    /// <summary>Runs one operation in its own request scope and returns the serialized response.</summary>
    public async Task<SchemaResponse> ExecuteAsync(string query, object? variables = null, ClaimsPrincipal? user = null)
    {
        await using var scope = services.CreateAsyncScope();
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var inputs = variables is null ? null : serializer.Deserialize<Inputs>(JsonSerializer.Serialize(variables));
        var result = await services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(o =>
        {
            o.Schema = services.GetRequiredService<ISchema>();
            o.Query = query;
            o.Variables = inputs;
            o.User = user ?? new ClaimsPrincipal(new ClaimsIdentity());
            o.RequestServices = scope.ServiceProvider;
        });
        return new SchemaResponse(JsonDocument.Parse(serializer.Serialize(result)).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
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

public sealed record SchemaResponse(JsonElement Json)
{
    public JsonElement Data => Json.GetProperty("data");

    public IReadOnlyList<JsonElement> Errors =>
        Json.TryGetProperty("errors", out var e) ? [.. e.EnumerateArray()] : [];

    public IReadOnlyList<string?> ErrorCodes =>
        [.. Errors.Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null)];

    public SchemaResponse EnsureSuccess() =>
        Errors.Count == 0 ? this : throw new InvalidOperationException("GraphQL errors: " + Json);

    public JsonElement At(string path)
    {
        var element = Data;
        foreach (var segment in path.Split('.'))
            element = int.TryParse(segment, out var index) ? element[index] : element.GetProperty(segment);
        return element;
    }
}
