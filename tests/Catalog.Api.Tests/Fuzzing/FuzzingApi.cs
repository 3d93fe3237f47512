using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Catalog.Api.Auth;
using Catalog.Api.Tests.Fixtures;
using Catalog.Api.Tests.GraphQL;
using Catalog.Core.Titles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>
/// The real host over a small seeded catalog (titles with tags, a trailer and reviews, searchable), recording
/// every log entry at Error or above (an unhandled exception is a finding even when the client got a 4xx).
/// </summary>
public sealed class FuzzingApi : CatalogApiFactory
{
    private readonly ErrorLog errors = new();

    public IReadOnlyCollection<string> Errors => errors.Entries;

    public FuzzTargets Targets { get; private set; } = new([], [], [], []);

    public StoreDigest Store => new(Path.Combine(DataDirectory, "catalog.db"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(errors));
    }

    protected override async Task SeedAsync()
    {
        var added = FixedNow.UtcDateTime;
        string[] titleIds = ["robot-dreams", "iron-giant", "heat", "leaving", "coming"];
        await this.SeedTitlesAsync(
            NewTitle(titleIds[0], "Robot Dreams", t =>
            {
                (t.ReleaseDate, t.ReleaseYear, t.Genres, t.Tags) = (new DateOnly(2023, 5, 1), 2023, ["Animation"], ["robots", "friendship"]);
                t.Trailers = [new Trailer { Id = "rd-trailer", TitleId = t.Id, Url = "https://youtu.be/dQw4w9WgXcQ", Site = TrailerSite.YouTube }];
            }),
            NewTitle(titleIds[1], "The Iron Giant", t => (t.ReleaseDate, t.ReleaseYear, t.Tags, t.Cast) = (new DateOnly(1999, 8, 6), 1999, ["robots"], ["Vin Diesel"])),
            NewTitle(titleIds[2], "Heat", t => (t.ReleaseDate, t.ReleaseYear, t.Directors) = (new DateOnly(1995, 12, 15), 1995, ["Michael Mann"])),
            NewTitle(titleIds[3], "Leaving Title", t => t.AvailableUntil = added.AddDays(10)),
            NewTitle(titleIds[4], "Future Film", t => (t.AddedAt, t.ReleaseDate) = (added.AddDays(10), new DateOnly(2026, 3, 1))));
        string[] reviewIds = ["review-1", "review-2", "review-3"];
        await this.SeedReviewsAsync(
            ApiSeeding.NewReview(reviewIds[0], titleIds[0], 8, 3, 1, 2),
            ApiSeeding.NewReview(reviewIds[1], titleIds[0], 3, 0, 4, 5),
            ApiSeeding.NewReview(reviewIds[2], titleIds[1], 10, 9, 0, 1));
        await CatchUpIndexAsync();
        Targets = await TargetsAsync(titleIds, reviewIds);
    }

    /// <summary>The Authorization header a credential stands for (tokens need the host's key and the real clock).</summary>
    public string? Authorization(Credential credential, int who)
    {
        var auth = Auth;
        var now = TimeProvider.System.GetUtcNow();
        var otherKey = new AuthOptions { Issuer = auth.Issuer, Audience = auth.Audience, SigningKey = new string('k', 40) };
        return credential switch
        {
            Credential.None => null,
            Credential.Viewer => "Bearer " + ViewerToken($"fuzz-viewer-{who}", $"Fuzz Viewer {who}"),
            Credential.Curator => "Bearer " + CuratorToken($"fuzz-curator-{who}"),
            Credential.UnknownRole => "Bearer " + DevelopmentTokens.Create(auth, $"fuzz-admin-{who}", null, "admin", now),
            Credential.Expired => "Bearer " + DevelopmentTokens.Create(auth, "fuzz-expired", null, AuthOptions.CuratorRole, now - auth.TokenLifetime - TimeSpan.FromHours(1)),
            Credential.WrongKey => "Bearer " + DevelopmentTokens.Create(otherKey, "fuzz-wrong-key", null, AuthOptions.CuratorRole, now),
            Credential.WrongAudience => "Bearer " + DevelopmentTokens.Create(
                new AuthOptions { Issuer = auth.Issuer, Audience = "elsewhere", SigningKey = auth.SigningKey }, "fuzz-aud", null, AuthOptions.CuratorRole, now),
            Credential.AlgNone => "Bearer " + UnsignedToken(auth, now),
            Credential.Garbage => "Bearer not.a.jwt",
            Credential.HugeGarbage => "Bearer " + new string('A', 12_000) + ".." + new string('B', 4_000),
            Credential.EmptyBearer => "Bearer ",
            Credential.NoScheme => ViewerToken($"fuzz-viewer-{who}"),
            _ => "Basic " + Convert.ToBase64String("curator:curator"u8),
        };
    }

    /// <summary>A curator token with <c>alg: none</c> and no signature.</summary>
    private static string UnsignedToken(AuthOptions auth, DateTimeOffset now)
    {
        static string Part(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Part(new { alg = "none", typ = "JWT" }) + "." + Part(new Dictionary<string, object>
        {
            ["sub"] = "fuzz-none", ["role"] = AuthOptions.CuratorRole, ["iss"] = auth.Issuer, ["aud"] = auth.Audience,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(), ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        }) + ".";
    }

    /// <summary>Queries that hand out cursors (search by relevance, name, rating and date, rails, reviews); <c>{0}</c> takes the paging arguments.</summary>
    private static readonly string[] CursorQueries =
    [
        "{ search(query: \"robot\", {0}) { totalCount edges { cursor score } pageInfo { endCursor hasNextPage } } }",
        "{ search(sort: NAME, {0}) { edges { cursor node { id } } } }",
        "{ search(sort: RATING, {0}) { edges { cursor } } }",
        "{ search(sort: RELEASED_NEWEST, filter: { tags: [\"robots\"] }, {0}) { edges { cursor } } }",
        "{ recentlyAdded({0}) { edges { cursor node { id } } } }",
        "{ comingSoon({0}) { edges { cursor } } }",
        "{ leavingSoon({0}) { edges { cursor } } }",
        "{ title(id: \"robot-dreams\") { reviews({0}) { edges { cursor node { id } } } } }",
        "{ title(id: \"robot-dreams\") { reviews(orderBy: NEWEST, {0}) { edges { cursor } } } }",
    ];

    private async Task<FuzzTargets> TargetsAsync(string[] titleIds, string[] reviewIds)
    {
        var client = CreateClient();
        var cursors = new List<string>();
        foreach (var query in CursorQueries)
        {
            var body = (await client.PostGraphQLAsync(query.Replace("{0}", "first: 1", StringComparison.Ordinal))).EnsureSuccess().Body;
            cursors.Add(Cursors(JsonDocument.Parse(body).RootElement).FirstOrDefault()
                ?? throw new InvalidOperationException($"The seeded catalog gave no cursor for {query}: {body}"));
        }

        return new FuzzTargets(titleIds, reviewIds, CursorQueries, [.. cursors]);
    }

    private static IEnumerable<string> Cursors(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "cursor" ? [p.Value.GetString()!] : Cursors(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Cursors),
        _ => [],
    };

    private sealed class ErrorLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> entries = new();

        public IReadOnlyCollection<string> Entries => entries;

        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, entries);

        public void Dispose()
        {
        }

        private sealed class Recorder(string category, ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                    entries.Enqueue(new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}")
                        .Append(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})").ToString());
            }
        }
    }
}
