using Catalog.Core.Titles;

namespace Catalog.Store.Tests.Import.MovieLens;

/// <summary>The movielens source through the real importer into a real SQLite store.</summary>
public sealed class MovieLensImportTests : StoreImportTest
{
    [Fact]
    public async Task Imports_a_folder_with_tags_links_and_ratings_and_a_second_import_changes_nothing()
    {
        Folder.Write("movies.csv",
            "movieId,title,genres",
            "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy",
            "two,Bad Id (1999),Drama",
            "318,\"Shawshank Redemption, The (1994)\",Crime|Drama",
            "5000,Some Film Without Links (2003),Sci-Fi|IMAX");
        Folder.Write("links.csv", "movieId,imdbId,tmdbId", "1,0114709,862", "318,0111161,278");
        Folder.Write("tags.csv", "userId,movieId,tag,timestamp", "15,1,Pixar,1139045764", "20,1,pixar ,1139045765");
        Folder.Write("ratings.csv", "userId,movieId,rating,timestamp", "1,1,4.0,1", "2,1,5.0,1", "1,318,9,1");

        var first = await Harness.ImportAsync(Folder.Path);

        Assert.Equal((3, 0, 0), (first.Inserted, first.Updated, first.Skipped));
        Assert.Equal(3, Assert.Single(first.Rejected).Record);
        Assert.Contains(first.Warnings, w => w.Id == "tt0111161" && w.Reason.StartsWith("ratings.csv line 4", StringComparison.Ordinal));
        var toy = (await Harness.TitleAsync("tt0114709"))!;
        Assert.Equal(("Toy Story", 1995, "862"), (toy.Name, toy.ReleaseYear, toy.TmdbId));
        Assert.Equal(["pixar"], toy.Tags);
        Assert.Equal((18.0, 2), (toy.RatingSum, toy.RatingCount));
        Assert.Equal(["imax"], (await Harness.TitleAsync("some-film-without-links-2003"))!.Tags);
        Assert.Equal(TitleKind.Movie, (await Harness.TitleAsync("tt0111161"))!.Kind);

        var sequence = await Harness.LastSequenceAsync();
        Harness.Store.Clock.Advance(TimeSpan.FromDays(1));
        var second = await Harness.ImportAsync(Folder.Path, "movielens");

        Assert.Equal((0, 0, 3), (second.Inserted, second.Updated, second.Skipped));
        Assert.Equal(sequence, await Harness.LastSequenceAsync());
    }
}
