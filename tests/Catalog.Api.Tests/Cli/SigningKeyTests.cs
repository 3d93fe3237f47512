using Catalog.Api.Auth;
using Catalog.Api.Cli;
using Catalog.Api.Hosting;
using Catalog.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Cli;

/// <summary>Outside Development the service refuses a public or short key, and generates and keeps one when none is set.</summary>
[Collection(InProcessHostGroup.Name)]
public sealed class SigningKeyTests : IDisposable
{
    private const string CuratorOnly = """{ recentlyAdded(asOf: "2030-01-01T00:00:00Z") { totalCount } }""";
    private readonly TempFolder _temp = new("catalog-signing-key-tests");

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(SigningKeys.DevelopmentKey, "public development key")]
    [InlineData("too-short-0123456789", "shorter than 32 bytes")]
    public void Production_refuses_to_start_with_the_development_key_or_a_short_one(string key, string reason)
    {
        var settings = new CommonSettings(Dir, ["--environment=Production", $"--Catalog:Auth:SigningKey={key}"]);

        var refused = Assert.Throws<UnsafeSigningKeyException>(() => CatalogWebApp.Build(settings, urls: null));

        Assert.Contains("Catalog:Auth:SigningKey", refused.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_the_development_key_in_production_exits_non_zero_before_listening()
    {
        var exit = await CatalogCli.RunAsync(
            ["serve", "--data", Dir, "--urls", "http://127.0.0.1:0", "--environment=Production", $"--Catalog:Auth:SigningKey={SigningKeys.DevelopmentKey}"])
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        Assert.False(File.Exists(Path.Combine(Dir, "catalog.db")));
    }

    [Fact]
    public void Without_a_configured_key_one_is_generated_once_kept_private_and_reused()
    {
        var settings = new CommonSettings(Dir, ["--environment=Production"]);

        ResolvedSigningKey first, second;
        using (var app = CatalogWebApp.Build(settings, urls: null))
            first = app.Services.GetRequiredService<ResolvedSigningKey>();
        using (var app = CatalogWebApp.Build(settings, urls: null))
            second = app.Services.GetRequiredService<ResolvedSigningKey>();

        var file = Path.Combine(Dir, SigningKeys.KeyFileName);
        Assert.True(first.Generated);
        Assert.False(second.Generated);
        Assert.Equal(Path.GetFullPath(file), first.Source);
        Assert.Equal(first.Key, second.Key);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(first.Key) >= 32);
        Assert.NotEqual(SigningKeys.DevelopmentKey, first.Key);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task A_token_minted_by_the_token_verb_before_the_first_start_is_accepted_by_the_server()
    {
        var token = await MintAsync("--curator", "cora", "--environment=Production");

        // Printing a token needs no store: none is created or migrated.
        Assert.False(File.Exists(Path.Combine(Dir, "catalog.db")));
        Assert.True(File.Exists(Path.Combine(Dir, SigningKeys.KeyFileName)));

        await using var api = new ApiOver(Dir);
        var response = await api.CreateClient(token).PostGraphQLAsync(CuratorOnly);
        response.EnsureSuccess();
        Assert.False(api.Services.GetRequiredService<ResolvedSigningKey>().Generated);
    }

    [Fact]
    public async Task A_token_minted_after_the_server_generated_its_key_is_accepted()
    {
        await using var api = new ApiOver(Dir);
        using var anonymous = api.CreateClient();
        Assert.Equal(["UNAUTHENTICATED"], (await anonymous.PostGraphQLAsync(CuratorOnly)).ErrorCodes);

        var token = await MintAsync("--curator", "cora");

        (await api.CreateClient(token).PostGraphQLAsync(CuratorOnly)).EnsureSuccess();
    }

    [Fact]
    public async Task Development_starts_with_the_development_key()
    {
        await using var api = new ApiOver(Dir, environment: "Development");
        var token = DevelopmentTokens.Create(new AuthOptions { SigningKey = SigningKeys.DevelopmentKey }, "cora", null, AuthOptions.CuratorRole, TimeProvider.System.GetUtcNow());

        (await api.CreateClient(token).PostGraphQLAsync(CuratorOnly)).EnsureSuccess();
        Assert.Equal(SigningKeys.DevelopmentKey, api.Auth.SigningKey);
        Assert.False(File.Exists(Path.Combine(Dir, SigningKeys.KeyFileName)));
    }

    private async Task<string> MintAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await CatalogCli.RunAsync(["token", "--data", Dir, .. args], output);
        Assert.Equal(0, exit);
        return output.ToString().Trim();
    }

    /// <summary>The real host over a given data folder (so the key file is shared with the token verb).</summary>
    private sealed class ApiOver(string dataDirectory, string? environment = null) : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Catalog:DataDirectory"] = dataDirectory };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (environment is not null)
                builder.UseEnvironment(environment);
        }
    }
}
