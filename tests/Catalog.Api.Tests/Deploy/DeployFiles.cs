using System.Text.RegularExpressions;
using Catalog.Api.Tests.Fixtures;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Catalog.Api.Tests.Deploy;

/// <summary>
/// The repository's deployment files read the way their tools read them: docker-compose.yml (anchors and
/// <c>&lt;&lt;</c> merges resolved, <c>${VAR:-default}</c> interpolated), the Dockerfile's instructions and
/// the VCL's backends. Parsing only; <see cref="ComposeConsistencyTests"/> holds the checks.
/// </summary>
public static partial class DeployFiles
{
    public static YamlMappingNode Compose { get; } = LoadCompose();

    public static IReadOnlyList<(string Instruction, string Arguments)> Dockerfile { get; } = LoadDockerfile();

    public static string Vcl { get; } = File.ReadAllText(RepositoryRoot.File("deploy", "varnish.vcl"));

    public static YamlMappingNode Services => Map(Compose, "services");

    public static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[key];

    public static YamlNode? Find(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>A scalar with compose's interpolation applied: <c>${X:-d}</c> → d, <c>${X:?why}</c> (required) → a stand-in.</summary>
    public static string Scalar(YamlNode node) =>
        Interpolation().Replace(((YamlScalarNode)node).Value ?? "", m => m.Groups["op"].Value == "?" ? $"<{m.Groups["name"].Value}>" : m.Groups["default"].Value);

    public static IReadOnlyList<string> Strings(YamlNode node) => [.. ((YamlSequenceNode)node).Children.Select(Scalar)];

    /// <summary>A service's environment (map form) after interpolation.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentOf(YamlNode service) =>
        Find(service, "environment") is YamlMappingNode environment
            ? environment.Children.ToDictionary(e => Scalar(e.Key), e => Scalar(e.Value))
            : new Dictionary<string, string>();

    /// <summary>The Dockerfile's <c>ENV</c> settings of its last stage (the image that runs).</summary>
    public static IReadOnlyDictionary<string, string> DockerfileEnvironment() =>
        LastStage().Where(i => i.Instruction == "ENV")
            .SelectMany(i => EnvSetting().Matches(i.Arguments))
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);

    public static IEnumerable<(string Instruction, string Arguments)> LastStage() =>
        Dockerfile.Skip(Dockerfile.Select((i, n) => (i, n)).Last(x => x.i.Instruction == "FROM").n);

    /// <summary>Each <c>backend NAME { .host = "…"; .port = "…"; }</c> of the VCL.</summary>
    public static IReadOnlyList<(string Name, string Host, string Port)> VclBackends() =>
        [.. VclBackend().Matches(Vcl).Select(m => (m.Groups["name"].Value, m.Groups["host"].Value, m.Groups["port"].Value))];

    private static YamlMappingNode LoadCompose()
    {
        using var reader = new StringReader(File.ReadAllText(RepositoryRoot.File("docker-compose.yml")));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static List<(string, string)> LoadDockerfile()
    {
        var text = File.ReadAllText(RepositoryRoot.File("Dockerfile")).ReplaceLineEndings("\n").Replace("\\\n", " ", StringComparison.Ordinal);
        return [.. text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2) is [var instruction, var arguments] ? (instruction.ToUpperInvariant(), arguments.Trim()) : (line.ToUpperInvariant(), ""))];
    }

    [GeneratedRegex(@"\$\{(?<name>\w+)(?::(?<op>[-?])(?<default>[^}]*))?\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"(?<key>[\w.]+)=(?<value>\S+)")]
    private static partial Regex EnvSetting();

    [GeneratedRegex("""backend\s+(?<name>\w+)\s*\{[^}]*?\.host\s*=\s*"(?<host>[^"]*)";[^}]*?\.port\s*=\s*"(?<port>[^"]*)";[^}]*\}""")]
    private static partial Regex VclBackend();
}
