using Catalog.Store.Import.Imdb;
using Catalog.Store.Tests.Import.MovieLens;

namespace Catalog.Store.Tests.Import.Imdb;

public sealed class ImdbTsvCanReadTests : IDisposable
{
    private readonly FixtureFolder _folder = new();
    private readonly ImdbTsvSource _source = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Claims_basics_files_plain_or_gzip_and_folders_holding_them()
    {
        var plain = _folder.Write("plain/title.basics.tsv", ImdbTsvSourceTests.Header);
        var renamed = _folder.Write("renamed/sample.tsv", ImdbTsvSourceTests.Header);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "zipped"));
        var zipped = _folder.WriteGzip("zipped/title.basics.tsv.gz", ImdbTsvSourceTests.Header);

        Assert.True(_source.CanRead(plain));
        Assert.True(_source.CanRead(renamed));
        Assert.True(_source.CanRead(zipped));
        Assert.True(_source.CanRead(Path.GetDirectoryName(plain)!));
        Assert.True(_source.CanRead(Path.GetDirectoryName(zipped)!));
    }

    [Fact]
    public void Refuses_other_formats_and_look_alikes()
    {
        var ratings = _folder.Write("ratings/title.ratings.tsv", ImdbTsvSourceTests.RatingsHeader);
        var movies = _folder.Write("movielens/movies.csv", "movieId,title,genres", "1,Toy Story (1995),Comedy");
        var json = _folder.Write("vega/movies.json", "[{\"Title\":\"Toy Story\"}]");
        var notTsv = _folder.Write("txt/basics.txt", ImdbTsvSourceTests.Header);
        var otherTsv = _folder.Write("other/data.tsv", "id\tname");
        var wrongInside = _folder.Write("wrong/title.basics.tsv", "id\tname");
        var brokenGzip = _folder.Write("broken/title.basics.tsv.gz", "not gzip at all");

        Assert.False(_source.CanRead(ratings));
        Assert.False(_source.CanRead(Path.GetDirectoryName(ratings)!));
        Assert.False(_source.CanRead(movies));
        Assert.False(_source.CanRead(Path.GetDirectoryName(movies)!));
        Assert.False(_source.CanRead(json));
        Assert.False(_source.CanRead(notTsv));
        Assert.False(_source.CanRead(otherTsv));
        Assert.False(_source.CanRead(Path.GetDirectoryName(wrongInside)!));
        Assert.False(_source.CanRead(brokenGzip));
        Assert.False(_source.CanRead(Path.Combine(_folder.Path, "missing.tsv")));
    }
}
