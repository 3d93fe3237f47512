using Catalog.Core.Titles;
using Catalog.Store.Tests.Import.MovieLens;

namespace Catalog.Store.Tests.Import.Imdb;

/// <summary>The imdb-tsv source through the real importer into a real SQLite store.</summary>
public sealed class ImdbTsvImportTests : StoreImportTest
{
    private void WriteGzipPair()
    {
        Folder.WriteGzip("title.basics.tsv.gz", ImdbTsvSourceTests.Header,
            "tt0111161\tmovie\tThe Shawshank Redemption\tThe Shawshank Redemption\t0\t1994\t\\N\t142\tDrama",
            "tt0903747\ttvSeries\tBreaking Bad\tBreaking Bad\t0\t2008\t2013\t49\tCrime,Drama,Thriller",
            "tt0959621\ttvEpisode\tPilot\tPilot\t0\t2008\t\\N\t58\tCrime,Drama,Thriller",
            "tt0959622\ttvEpisode\tEpisode 2\tEpisode 2\t0\t2008\t\\N\t58\tCrime,Drama,Thriller",
            "tt9999998\tmovie\tAnnounced\tAnnounced\t0\t2099\t\\N\t\\N\tDrama");
        Folder.WriteGzip("title.ratings.tsv.gz", ImdbTsvSourceTests.RatingsHeader,
            "tt0111161\t9.3\t3000000", "tt0903747\t9.5\t2100000", "tt0959621\t9.0\t40000");
    }

    [Fact]
    public async Task Imports_a_gzip_pair_with_ratings_and_a_second_import_changes_nothing()
    {
        WriteGzipPair();

        var first = await Harness.ImportAsync(Folder.Path);

        // Episodes are not catalog titles: skipped, and reported once for all of them.
        Assert.Equal((2, 0, 2), (first.Inserted, first.Updated, first.Skipped));
        var episodes = Assert.Single(first.Warnings, w => w.Reason.Contains("tvEpisode", StringComparison.Ordinal));
        Assert.Equal((4, "Pilot"), (episodes.Record, episodes.Name));
        Assert.StartsWith("2 record(s) skipped", episodes.Reason, StringComparison.Ordinal);
        var future = Assert.Single(first.Rejected);
        Assert.Equal(6, future.Record);
        Assert.Contains("future", future.Reason, StringComparison.Ordinal);
        var series = (await Harness.TitleAsync("tt0903747"))!;
        Assert.Equal((TitleKind.Series, 2008, 49), (series.Kind, series.ReleaseYear, series.RuntimeMinutes));
        Assert.Equal(2100000, series.RatingCount);
        Assert.Equal(9.5, series.RatingAverage!.Value, 6);

        var sequence = await Harness.LastSequenceAsync();
        Harness.Store.Clock.Advance(TimeSpan.FromDays(1));
        var second = await Harness.ImportAsync(Folder.Path, "imdb-tsv");

        Assert.Equal((0, 0, 4), (second.Inserted, second.Updated, second.Skipped));
        Assert.Equal(sequence, await Harness.LastSequenceAsync());
    }

    [Fact]
    public async Task An_imdb_import_after_movielens_updates_the_same_title_and_keeps_movielens_tags()
    {
        var movielens = Path.Combine(Folder.Path, "ml");
        Folder.Write("ml/movies.csv", "movieId,title,genres", "318,\"Shawshank Redemption, The (1994)\",Crime|Drama");
        Folder.Write("ml/links.csv", "movieId,imdbId,tmdbId", "318,0111161,278");
        Folder.Write("ml/tags.csv", "userId,movieId,tag,timestamp", "1,318,prison,1");
        await Harness.ImportAsync(movielens);
        var basics = Folder.Write("imdb/title.basics.tsv", ImdbTsvSourceTests.Header,
            "tt0111161\tmovie\tThe Shawshank Redemption\t\\N\t0\t1994\t\\N\t142\tDrama");

        var summary = await Harness.ImportAsync(basics);

        Assert.Equal((0, 1, 0), (summary.Inserted, summary.Updated, summary.Skipped));
        var title = Assert.Single(await Harness.TitlesAsync());
        Assert.Equal(("tt0111161", 142, "278"), (title.Id, title.RuntimeMinutes, title.TmdbId));
        Assert.Equal(["prison"], title.Tags);
        Assert.Equal(["Drama"], title.Genres);
    }
}
