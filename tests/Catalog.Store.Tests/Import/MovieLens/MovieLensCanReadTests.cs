using Catalog.Store.Import.MovieLens;

namespace Catalog.Store.Tests.Import.MovieLens;

public sealed class MovieLensCanReadTests : IDisposable
{
    private readonly FixtureFolder _folder = new();
    private readonly MovieLensSource _source = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Claims_a_folder_with_movies_csv_and_the_file_itself()
    {
        var movies = _folder.Write("movies.csv", "movieId,title,genres", "1,Toy Story (1995),Comedy");

        Assert.True(_source.CanRead(_folder.Path));
        Assert.True(_source.CanRead(movies));
    }

    [Fact]
    public void Refuses_other_formats_and_look_alikes()
    {
        var imdb = _folder.Write("imdb/title.basics.tsv", "tconst\ttitleType\tprimaryTitle", "tt0000001\tshort\tCarmencita");
        var json = _folder.Write("movies.json", "[{\"Title\":\"Toy Story\"}]");
        var otherCsv = _folder.Write("other/movies.csv", "id,name", "1,Toy Story");
        var ratings = _folder.Write("ml/ratings.csv", "userId,movieId,rating,timestamp");

        Assert.False(_source.CanRead(_folder.Path));
        Assert.False(_source.CanRead(imdb));
        Assert.False(_source.CanRead(Path.GetDirectoryName(imdb)!));
        Assert.False(_source.CanRead(json));
        Assert.False(_source.CanRead(otherCsv));
        Assert.False(_source.CanRead(Path.GetDirectoryName(otherCsv)!));
        Assert.False(_source.CanRead(ratings));
        Assert.False(_source.CanRead(Path.Combine(_folder.Path, "missing")));
    }
}
