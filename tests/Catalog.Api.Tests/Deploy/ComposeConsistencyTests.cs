using System.Net;
using System.Text.RegularExpressions;
using Catalog.Api.Cli;
using Catalog.Api.Tests.Fixtures;
using Catalog.Store;
using Npgsql;
using YamlDotNet.RepresentationModel;
using static Catalog.Api.Tests.Deploy.DeployFiles;

namespace Catalog.Api.Tests.Deploy;

/// <summary>
/// docker-compose.yml cannot run here (no container engine), so this checks that it agrees with the code,
/// the Dockerfile and deploy/varnish.vcl: services, ports, volumes, health checks, referenced files and
/// configuration keys. Each check names what disagrees.
/// </summary>
public sealed partial class ComposeConsistencyTests(CatalogApiFactory api) : IClassFixture<CatalogApiFactory>
{
    private static readonly string[] ApiServices = ["api1", "api2"];

    /// <summary>The port the image listens on: ASPNETCORE_HTTP_PORTS, which EXPOSE must announce.</summary>
    private static string ImagePort => DockerfileEnvironment()["ASPNETCORE_HTTP_PORTS"];

    [Fact]
    public void The_services_are_postgres_two_api_replicas_built_from_the_Dockerfile_varnish_and_import()
    {
        Assert.Equal(["api1", "api2", "import", "postgres", "varnish"], Services.Children.Keys.Select(Scalar).Order());
        var built = Services.Children.Where(s => Find(s.Value, "build") is not null).Select(s => Scalar(s.Key)).Order();
        Assert.Equal([.. ApiServices, "import"], built);
        foreach (var service in built)
        {
            Assert.Equal(".", Scalar(Services[service]["build"]));
            Assert.Equal("catalog:local", Scalar(Services[service]["image"]));
        }

        Assert.True(File.Exists(RepositoryRoot.File("Dockerfile")));
        Assert.Equal(["import"], Strings(Services["import"]["profiles"]));
    }

    [Fact]
    public void The_Dockerfile_runs_the_built_assembly_on_the_port_it_exposes_with_data_in_its_volume()
    {
        var assembly = typeof(CatalogCli).Assembly.GetName().Name + ".dll";
        var runtime = LastStage().ToList();
        Assert.Contains(("ENTRYPOINT", $"[\"dotnet\", \"{assembly}\"]"), runtime);
        Assert.Contains(("CMD", "[\"serve\"]"), runtime);
        Assert.Contains(("EXPOSE", ImagePort), runtime);
        var data = DockerfileEnvironment()["Catalog__DataDirectory"];
        Assert.Contains(("VOLUME", data), runtime);
        Assert.Contains(runtime, i => i.Instruction == "RUN" && i.Arguments.Contains($"chown app:app {data}", StringComparison.Ordinal));
        Assert.Contains(("USER", "app"), runtime);
        foreach (var copy in Dockerfile.Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)))
        {
            foreach (var source in copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
                Assert.True(Path.Exists(RepositoryRoot.File(source)), $"Dockerfile copies {source}, which is not in the repository");
        }
    }

    [Fact]
    public void Each_api_replica_keeps_its_data_in_its_own_named_volume_and_every_volume_is_declared_and_used()
    {
        var data = DockerfileEnvironment()["Catalog__DataDirectory"];
        var declared = Map(Compose, "volumes").Children.Keys.Select(Scalar).ToHashSet();
        var mounted = new List<string>();
        foreach (var service in Services.Children)
        {
            foreach (var volume in Find(service.Value, "volumes") is { } v ? Strings(v) : [])
            {
                var source = volume.Split(':')[0];
                if (source.StartsWith('.'))
                    Assert.True(Path.Exists(RepositoryRoot.File(source)), $"{Scalar(service.Key)} mounts {source}, which does not exist");
                else
                    mounted.Add(source);
            }
        }

        Assert.Equal(declared.Order(), mounted.Distinct().Order());
        var apiVolumes = ApiServices.Select(s => Assert.Single(Strings(Services[s]["volumes"]))).ToList();
        Assert.All(apiVolumes, v => Assert.EndsWith(":" + data, v, StringComparison.Ordinal));
        Assert.Equal(apiVolumes.Count, apiVolumes.Distinct().Count());
    }

    [Fact]
    public async Task Replicas_are_health_checked_by_the_app_s_health_verb_on_an_endpoint_that_exists()
    {
        var assembly = typeof(CatalogCli).Assembly.GetName().Name + ".dll";
        foreach (var service in ApiServices)
        {
            var test = Strings(Services[service]["healthcheck"]["test"]);
            Assert.Equal(["CMD", "dotnet", assembly, "health"], test.Take(4));
            var url = new Uri(Assert.Single(test.Skip(4)));
            Assert.Equal(("127.0.0.1", ImagePort), (url.Host, url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(ProbePath(), url.AbsolutePath);
        }

        // The path is served by the real host (200 when ready, 503 while starting; never 404).
        var response = await api.CreateClient().GetAsync(ProbePath());
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
    }

    [Fact]
    public void Services_wait_for_healthy_dependencies_and_every_awaited_service_has_a_health_check()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["api1"] = ["postgres"], ["api2"] = ["postgres"], ["import"] = ["postgres"], ["varnish"] = ApiServices,
        };
        foreach (var (service, dependencies) in expected)
        {
            var dependsOn = (YamlMappingNode)Services[service]["depends_on"];
            Assert.Equal(dependencies, dependsOn.Children.Keys.Select(Scalar).Order());
            foreach (var dependency in dependsOn.Children)
            {
                Assert.Equal("service_healthy", Scalar(dependency.Value["condition"]));
                Assert.NotNull(Find(Services[Scalar(dependency.Key)], "healthcheck"));
            }
        }

        Assert.Equal(["CMD", "pg_isready", "-U", "catalog", "-d", "catalog"], Strings(Services["postgres"]["healthcheck"]["test"]));
    }

    [Fact]
    public void Only_varnish_publishes_a_port_and_it_is_the_one_varnish_listens_on()
    {
        var publishing = Services.Children.Where(s => Find(s.Value, "ports") is not null).Select(s => Scalar(s.Key));
        Assert.Equal(["varnish"], publishing);
        var published = Assert.Single(Strings(Services["varnish"]["ports"]));
        Assert.Equal("8080:" + EnvironmentOf(Services["varnish"])["VARNISH_HTTP_PORT"], published);
        Assert.StartsWith("varnish:7", Scalar(Services["varnish"]["image"]), StringComparison.Ordinal);
        Assert.Contains("./deploy/varnish.vcl:/etc/varnish/default.vcl:ro", Strings(Services["varnish"]["volumes"]));
    }

    [Fact]
    public void The_VCL_balances_over_exactly_the_api_services_on_the_image_port_and_probes_the_health_path()
    {
        var backends = VclBackends();
        Assert.Equal(ApiServices, backends.Select(b => b.Host).Order());
        Assert.All(backends, b => Assert.Equal(ImagePort, b.Port));
        foreach (var (name, _, _) in backends)
            Assert.Contains($"replicas.add_backend({name});", Vcl, StringComparison.Ordinal);
        Assert.Equal(backends.Count, AddBackend().Count(Vcl));
        Assert.Equal("/health/ready", ProbePath());
    }

    [Fact]
    public void Every_Catalog_environment_key_is_a_configuration_key_the_code_reads()
    {
        Assert.Contains("Catalog:Store:ConnectionString", ConfigurationKeys.All);
        Assert.DoesNotContain("Catalog:Store:Connection", ConfigurationKeys.All);

        var keys = Services.Children.SelectMany(s => EnvironmentOf(s.Value).Keys).Concat(DockerfileEnvironment().Keys)
            .Where(k => k.StartsWith("Catalog__", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.True(ConfigurationKeys.All.Contains(ConfigurationKeys.FromEnvironmentVariable(k)),
            $"{k} is not a configuration key the code reads"));
    }

    [Fact]
    public void Replicas_share_the_postgres_store_of_the_compose_database_and_one_signing_key()
    {
        var postgres = EnvironmentOf(Services["postgres"]);
        foreach (var service in ApiServices.Append("import"))
        {
            var environment = EnvironmentOf(Services[service]);
            Assert.Equal(nameof(StoreProvider.Postgres), environment["Catalog__Store__Provider"]);
            var connection = new NpgsqlConnectionStringBuilder(environment["Catalog__Store__ConnectionString"]);
            Assert.Equal(("postgres", postgres["POSTGRES_DB"], postgres["POSTGRES_USER"], postgres["POSTGRES_PASSWORD"]),
                (connection.Host, connection.Database, connection.Username, connection.Password));
            Assert.Equal("<CATALOG_SIGNING_KEY>", environment["Catalog__Auth__SigningKey"]);
        }

        Assert.Equal(["import", "data/catalog.json"], Strings(Services["import"]["command"]));
        Assert.True(File.Exists(RepositoryRoot.File("data", "catalog.json")));
    }

    private static string ProbePath() => ProbeUrl().Match(Vcl).Groups["path"].Value;

    [GeneratedRegex("""probe\s+\w+\s*\{[^}]*\.url\s*=\s*"(?<path>[^"]+)";""")]
    private static partial Regex ProbeUrl();

    [GeneratedRegex(@"\.add_backend\(")]
    private static partial Regex AddBackend();
}
