using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Titles;
using Catalog.Core.Search;
using Catalog.Core.Titles;
using GraphQL.DataLoader;

namespace Catalog.Api.GraphQL.Search;

/// <summary>
/// Title.similar for every title at one level of a query: each title's related ids come from the engine
/// (in process), and the rows of all of them from one store read, instead of one read per title.
/// </summary>
public sealed class SimilarTitlesReader
{
    private readonly ITitleSearch? engine;
    private readonly TitleReader titles;
    private readonly BatchLoader<(string TitleId, int First), IReadOnlyList<Title>> lists;

    public SimilarTitlesReader(TitleReader titles, ITitleSearch? engine = null)
    {
        this.engine = engine;
        this.titles = titles;
        lists = new BatchLoader<(string TitleId, int First), IReadOnlyList<Title>>(LoadAsync);
    }

    /// <summary>Up to <paramref name="first"/> titles related to <paramref name="titleId"/>, best first.</summary>
    public IDataLoaderResult<IReadOnlyList<Title>> Load(string titleId, int first)
    {
        SearchAccess.Required(engine);
        return lists.Load((titleId, first)).Then(found => found ?? []);
    }

    private async Task<IReadOnlyDictionary<(string TitleId, int First), IReadOnlyList<Title>>> LoadAsync(
        IReadOnlyCollection<(string TitleId, int First)> keys, CancellationToken cancellationToken)
    {
        var search = SearchAccess.Required(engine);
        var related = new Dictionary<(string, int), IReadOnlyList<string>>();
        foreach (var key in keys)
            related[key] = await search.SimilarAsync(key.TitleId, key.First, cancellationToken);

        var rows = await titles.LoadAsync([.. related.Values.SelectMany(ids => ids).Distinct(StringComparer.Ordinal)], cancellationToken);
        return related.ToDictionary(pair => pair.Key, pair => TitleReader.InOrder(pair.Value, rows));
    }
}
