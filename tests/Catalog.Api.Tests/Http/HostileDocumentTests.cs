using System.Diagnostics;
using System.Net;
using System.Text;
using Catalog.Api.Tests.Fixtures;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.Http;

/// <summary>
/// Documents small enough for the body limit whose validation used to cost minutes and gigabytes (issue 17):
/// fragment bombs, one response name selected thousands of times, cycles, deep spread chains. Each must be
/// answered quickly with a small, clear 400. Before the document budget: fragment bomb k=25 16.6 s, k=29 minutes
/// (CPU kept after the client left); 1,500 conflicting aliases 36.7 s and a 372 MB answer.
/// </summary>
public sealed class HostileDocumentTests(CatalogApiFactory api, ITestOutputHelper output) : IClassFixture<CatalogApiFactory>
{
    /// <summary>Generous: these took from 16 seconds to minutes; refused, they take milliseconds.</summary>
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(5);

    private readonly HttpClient client = api.CreateClient();

    [Theory]
    [InlineData(25)]
    [InlineData(28)]
    [InlineData(30)]
    public async Task A_fragment_bomb_is_refused_quickly(int k)
    {
        var text = new StringBuilder("fragment F0 on Title { id name } ");
        for (var i = 1; i <= k; i++)
            text.Append($"fragment F{i} on Title {{ ...F{i - 1} ...F{i - 1} }} ");
        text.Append($"{{ title(id: \"the-iron-giant-1999\") {{ ...F{k} }} }}");

        var (response, elapsed) = await TimedAsync(text.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["QUERY_TOO_LARGE"], response.ErrorCodes);
        Assert.True(elapsed < Bounded, $"k={k} took {elapsed}");
    }

    [Theory]
    [InlineData(1500)]
    [InlineData(2700)]
    public async Task Thousands_of_fields_under_one_alias_are_refused_quickly_and_small(int n)
    {
        var (response, elapsed) = await TimedAsync(Repeated(n, i => $"a:title(id:{i}){{id}}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["QUERY_TOO_LARGE"], response.ErrorCodes);
        Assert.True(elapsed < Bounded, $"n={n} took {elapsed}");
        Assert.True(response.Body.Length < 1024, $"{response.Body.Length} bytes");
    }

    [Fact]
    public async Task Conflicts_within_the_budget_list_at_most_100_errors_then_one_summary()
    {
        // 44 fields: 946 conflicting pairs, each a validation error; with their merged "id" fields (946 more pairs)
        // within the default 2,000 overlaps.
        var (response, elapsed) = await TimedAsync(Repeated(44, i => $"a: title(id: \"{i}\") {{ id }}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(101, response.Errors.Count);
        Assert.Equal("TOO_MANY_ERRORS", response.ErrorCodes[^1]);
        Assert.Contains("846 more", response.Errors[^1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(elapsed < Bounded, $"took {elapsed}");
    }

    [Theory]
    [InlineData(40)]
    [InlineData(1500)]
    public async Task Conflicting_sub_selections_under_one_name_are_bounded_too(int n)
    {
        // Same field and arguments each time, so the conflict is one level down (b is id in some, name in others).
        var (response, elapsed) = await TimedAsync(Repeated(n, i => $"a: title(id: \"x\") {{ b: {(i % 2 == 0 ? "id" : "name")} }}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.InRange(response.Errors.Count, 1, 101);
        Assert.True(elapsed < Bounded, $"n={n} took {elapsed}");
        Assert.True(response.Body.Length < 64 * 1024, $"{response.Body.Length} bytes");
    }

    [Theory]
    [InlineData("{ __typename @skip(if: false) }", "@skip(if: false)")]
    [InlineData("{ title(id: \"x\") { id } }", "id: \"x\"")]
    [InlineData("{ search(filter: { minVotes: 1 }) { totalCount } }", "minVotes: 1")]
    public async Task Thousands_of_repeated_directives_arguments_or_input_fields_are_refused_quickly(string template, string repeated)
    {
        // Each repeat is a validation error whose location costs a scan of the source: ~3,100 directives took over 5 s.
        var query = template.Replace(repeated, string.Join(' ', Enumerable.Repeat(repeated, 3_000)), StringComparison.Ordinal);

        var (response, elapsed) = await TimedAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["QUERY_TOO_LARGE"], response.ErrorCodes);
        Assert.True(elapsed < Bounded, $"took {elapsed}");
    }

    [Fact]
    public async Task Cyclic_fragments_are_refused_without_hanging()
    {
        var (response, elapsed) = await TimedAsync(
            "{ title(id: \"x\") { ...A } } fragment A on Title { id ...B } fragment B on Title { name ...A }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["FRAGMENT_CYCLE"], response.ErrorCodes);
        Assert.True(elapsed < Bounded, $"took {elapsed}");
    }

    [Fact]
    public async Task A_long_chain_of_fragments_is_refused_as_too_nested()
    {
        var text = new StringBuilder("{ title(id: \"x\") { ...F0 } } ");
        for (var i = 0; i < 1000; i++)
            text.Append($"fragment F{i} on Title{{...F{i + 1}}} ");
        text.Append("fragment F1000 on Title{id}");

        var (response, elapsed) = await TimedAsync(text.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["COMPLEXITY"], response.ErrorCodes);
        Assert.True(elapsed < Bounded, $"took {elapsed}");
    }

    [Fact]
    public async Task Fragments_defined_twice_are_refused()
    {
        var response = await client.PostGraphQLAsync(
            "{ title(id: \"x\") { ...A } } fragment A on Title { id } fragment A on Title { name }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["DUPLICATE_FRAGMENT"], response.ErrorCodes);
    }

    [Fact]
    public async Task Ordinary_fragment_use_still_runs()
    {
        var response = await client.PostGraphQLAsync("""
            query { a: title(id: "x") { ...Names ...Years } b: title(id: "y") { ...Names } }
            fragment Names on Title { id name originalName }
            fragment Years on Title { id year ... on Title { name releaseDate } }
            """);

        response.EnsureSuccess();
    }

    private static string Repeated(int n, Func<int, string> field) =>
        "{ " + string.Join(' ', Enumerable.Range(0, n).Select(field)) + " }";

    private async Task<(GraphQLResponse Response, TimeSpan Elapsed)> TimedAsync(string query)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await client.PostGraphQLAsync(query);
        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"{query.Length} chars of query -> {(int)response.Status}, {response.Body.Length} bytes, {elapsed.TotalMilliseconds:F0} ms: {response.Body[..Math.Min(300, response.Body.Length)]}");
        return (response, elapsed);
    }
}
