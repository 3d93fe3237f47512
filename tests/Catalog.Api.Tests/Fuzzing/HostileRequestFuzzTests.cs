using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>
/// Seeded, bounded fuzzing of <c>/graphql</c> through the real HTTP pipeline: every class of
/// <see cref="FuzzClasses"/> sends its requests, each checked by <see cref="HostileRequestOracle"/>. The run
/// is the same for the same seed (<c>CATALOG_FUZZ_SEED</c>, any text; <c>CATALOG_FUZZ_SCALE</c> multiplies
/// the counts; <c>CATALOG_FUZZ_ONLY</c>, comma-separated parts of class names, runs only those). On a failing request CsCheck replays it and searches the class for a smaller failing one for
/// <c>CATALOG_FUZZ_SHRINK_SECONDS</c>, then prints the smallest with its CsCheck seed.
/// </summary>
public sealed class HostileRequestFuzzTests(FuzzingApi api, ITestOutputHelper output) : IClassFixture<FuzzingApi>
{
    public const string DefaultSeed = "issue-17";
    public const int MinimumRequests = 3_000;

    [Fact]
    public async Task Hostile_requests_get_bounded_answers_never_a_5xx_and_never_change_the_store_when_refused()
    {
        var seedText = Setting("CATALOG_FUZZ_SEED") ?? DefaultSeed;
        var scale = int.Parse(Setting("CATALOG_FUZZ_SCALE") ?? "1", CultureInfo.InvariantCulture);
        var shrinkSeconds = int.Parse(Setting("CATALOG_FUZZ_SHRINK_SECONDS") ?? "20", CultureInfo.InvariantCulture);
        var only = Setting("CATALOG_FUZZ_ONLY")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var seeds = new CaseSeeds(seedText);
        var oracle = new HostileRequestOracle(api, api.CreateClient());
        var (sent, findings) = (0, new List<string>());

        output.WriteLine($"Fuzzing with CATALOG_FUZZ_SEED={seedText}, CATALOG_FUZZ_SCALE={scale}:");
        foreach (var fuzzClass in FuzzClasses.All(api.Targets))
        {
            // Every class draws its seeds, run or not, so a class's requests do not depend on CATALOG_FUZZ_ONLY.
            var classSeeds = Enumerable.Range(0, fuzzClass.Requests * scale).Select(_ => seeds.Next()).ToList();
            if (only is not null && !only.Any(name => fuzzClass.Name.Contains(name, StringComparison.OrdinalIgnoreCase)))
                continue;
            var started = Stopwatch.GetTimestamp();
            var finding = await FirstFindingAsync(fuzzClass, classSeeds, oracle, shrinkSeconds);
            sent += classSeeds.Count;
            output.WriteLine($"  {fuzzClass.Name}: {classSeeds.Count:#,0} requests in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"
                + (finding is null ? "" : " FAILED"));
            if (finding is not null)
                findings.Add($"{fuzzClass.Name}: {finding}");
        }

        output.WriteLine($"  total: {sent:#,0} requests");
        findings.AddRange(StoredTextFindings());
        Assert.True(findings.Count == 0, string.Join("\n\n", findings));
        Assert.True(only is not null || sent >= MinimumRequests * scale, $"Sent {sent} requests, fewer than {MinimumRequests * scale}.");
    }

    /// <summary>
    /// Sends the class's requests until one fails; then CsCheck replays it and looks for smaller failing
    /// requests of the class, and the smallest (with its seed) is the finding.
    /// </summary>
    private async Task<string?> FirstFindingAsync(FuzzClass fuzzClass, List<string> seeds, HostileRequestOracle oracle, int shrinkSeconds)
    {
        for (var i = 0; i < seeds.Count; i++)
        {
            var request = fuzzClass.Gen.Generate(PCG.Parse(seeds[i]), null, out _);
            try
            {
                await oracle.CheckAsync(request);
            }
            catch (FuzzFindingException finding)
            {
                output.WriteLine($"  {fuzzClass.Name}: request {i + 1} (seed {seeds[i]}) failed: {finding.Message}\n    {request}");
                try
                {
                    await fuzzClass.Gen.SampleAsync(oracle.CheckAsync, output.WriteLine, seed: seeds[i], time: shrinkSeconds, threads: 1, print: r => r.ToString());
                }
                catch (CsCheckException smallest)
                {
                    return $"{smallest.Message}\n{smallest.InnerException?.GetType().Name}: {smallest.InnerException?.Message}";
                }

                return $"request {i + 1} (seed {seeds[i]}) failed once, not when replayed: {finding.Message}\n{request}";
            }
        }

        return null;
    }

    /// <summary>What valid writers got stored: nothing that disguises review text or breaks out of an embed attribute.</summary>
    private IEnumerable<string> StoredTextFindings()
    {
        foreach (var body in api.Store.Column("Reviews", "Body").Where(b => b.Any(c => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))))
            yield return $"A review body with a bidirectional override was stored: {body}";
        foreach (var url in api.Store.Column("Trailers", "Url").Where(u => u.IndexOfAny(['\'', '"', '<', '>']) >= 0))
            yield return $"A trailer URL with a quote or angle bracket was stored: {url}";
    }

    private static string? Setting(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    /// <summary>One CsCheck seed per generated request, all derived from the run's seed text.</summary>
    private sealed class CaseSeeds(string seedText)
    {
        private readonly PCG master = new(0, BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(seedText))));

        public string Next() => new PCG(1, master.Next64()).ToString();
    }
}
