using Catalog.Api.Tests.Fixtures;
using Catalog.Core.Titles;

namespace Catalog.Api.Tests.GraphQL;

public abstract class TitleQueryTests<TStore>(TitleQueryTests<TStore>.SeededApi api) : IClassFixture<TitleQueryTests<TStore>.SeededApi>
    where TStore : ITestStore
{
    public sealed class SeededApi : CatalogApiFactory<TStore>
    {
        protected override async Task SeedAsync() => await this.SeedTitlesAsync(NewTitle("no-ids", "Amélie & Nino: ?", t => t.ReleaseYear = 2001), NewTitle("leon-1994", "Léon", t =>
        {
            t.ReleaseDate = new DateOnly(1994, 9, 14);
            t.ReleaseYear = 1994;
            t.ImdbId = "tt0110413";
            t.Genres = ["Crime", "Drama"];
            t.RatingSum = 17;
            t.RatingCount = 2;
            t.Trailers =
            [
                new Trailer { Id = "t-2", TitleId = "leon-1994", Url = "https://vimeo.com/1", Site = TrailerSite.Vimeo, Kind = TrailerKind.Clip },
                new Trailer { Id = "t-1", TitleId = "leon-1994", Url = "https://youtu.be/abc", Site = TrailerSite.YouTube },
            ];
        }));
    }

    [SkippableFact]
    public async Task Title_returns_scalars_lists_links_and_trailers()
    {
        var response = (await api.CreateClient().PostGraphQLAsync("""
            { title(id: "leon-1994") { id kind name year releaseDate addedAt genres imdbId imdbUrl hasTrailer
                trailers { id site kind } rating { average count weighted } } }
            """)).EnsureSuccess();

        Assert.Equal("Léon", response.Data.At("title.name").GetString());
        Assert.Equal("MOVIE", response.Data.At("title.kind").GetString());
        Assert.Equal(1994, response.Data.At("title.year").GetInt32());
        Assert.Equal("1994-09-14", response.Data.At("title.releaseDate").GetString());
        Assert.Equal("2026-01-14T12:00:00Z", response.Data.At("title.addedAt").GetString());
        Assert.Equal("https://www.imdb.com/title/tt0110413/", response.Data.At("title.imdbUrl").GetString());
        Assert.True(response.Data.At("title.hasTrailer").GetBoolean());
        Assert.Equal("t-1", response.Data.At("title.trailers.0.id").GetString());
        Assert.Equal("YOUTUBE", response.Data.At("title.trailers.0.site").GetString());
        Assert.Equal("CLIP", response.Data.At("title.trailers.1.kind").GetString());
        Assert.Equal(8.5, response.Data.At("title.rating.average").GetDouble());
        Assert.Equal(2, response.Data.At("title.rating.count").GetInt32());
    }

    [SkippableTheory]
    [InlineData("no-such-title")]
    [InlineData("has spaces and ::")]
    public async Task Title_is_null_for_unknown_or_malformed_ids(string id)
    {
        var response = (await api.CreateClient().PostGraphQLAsync("query($id: ID!) { title(id: $id) { id } }", new { id })).EnsureSuccess();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.At("title").ValueKind);
    }

    [SkippableFact]
    public async Task Node_resolves_a_title_by_its_id()
    {
        var response = (await api.CreateClient().PostGraphQLAsync("""{ node(id: "leon-1994") { __typename id ... on Title { name } } }""")).EnsureSuccess();
        Assert.Equal("Title", response.Data.At("node.__typename").GetString());
        Assert.Equal("Léon", response.Data.At("node.name").GetString());
    }

    [SkippableFact]
    public async Task Links_search_by_name_and_year_where_no_id_is_known()
    {
        var response = (await api.CreateClient().PostGraphQLAsync("""
            { known: title(id: "leon-1994") { imdbUrl trailerSearchUrl } unknown: title(id: "no-ids") { imdbUrl trailerSearchUrl } }
            """)).EnsureSuccess();

        Assert.Equal("https://www.imdb.com/title/tt0110413/", response.Data.At("known.imdbUrl").GetString());
        Assert.Equal("https://www.youtube.com/results?search_query=L%C3%A9on%201994%20trailer", response.Data.At("known.trailerSearchUrl").GetString());
        Assert.Equal("https://www.imdb.com/find/?q=Am%C3%A9lie%20%26%20Nino%3A%20%3F%202001&s=tt", response.Data.At("unknown.imdbUrl").GetString());
        Assert.Equal("https://www.youtube.com/results?search_query=Am%C3%A9lie%20%26%20Nino%3A%20%3F%202001%20trailer", response.Data.At("unknown.trailerSearchUrl").GetString());
    }
}

public sealed class TitleQueryTestsOnSqlite(TitleQueryTests<OnSqlite>.SeededApi api) : TitleQueryTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class TitleQueryTestsOnPostgres(TitleQueryTests<OnPostgres>.SeededApi api) : TitleQueryTests<OnPostgres>(api);
