using Catalog.Core.Feed;
using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Schema;
using Catalog.Store;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Catalog.Search.Tests.Fixtures;

/// <summary>One "run" of the service over a sandbox: its container, index and hosted services.</summary>
public sealed class SearchProcess(ServiceProvider services) : IAsyncDisposable
{
    private readonly List<IHostedService> started = [];

    public IServiceProvider Services => services;

    public CatalogIndex Index => services.GetRequiredService<CatalogIndex>();

    public ICatalogDbFactory Store => services.GetRequiredService<ICatalogDbFactory>();

    /// <summary>Starts the hosted services, as the web host does, and waits until they opened the index.</summary>
    public async Task StartHostedAsync()
    {
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            started.Add(hosted);
        }

        await services.GetRequiredService<IndexStartup>().Opened;
    }

    public int CountAll()
    {
        using var lease = Index.Acquire();
        return lease.Searcher.Search(new MatchAllDocsQuery(), 1).TotalHits;
    }

    /// <summary>Ids of titles whose name contains every word of <paramref name="words"/>.</summary>
    public IReadOnlyList<string> FindByName(string words)
    {
        var query = new BooleanQuery();
        foreach (var token in services.GetRequiredService<CatalogAnalyzers>().AnalyzeQuery(IndexFields.Name, words))
            query.Add(new TermQuery(new Term(IndexFields.Name, token.Term)), Occur.MUST);
        using var lease = Index.Acquire();
        return [.. lease.Searcher.Search(query, 100).ScoreDocs.Select(d => lease.Searcher.Doc(d.Doc).Get(IndexFields.Id)).Order()];
    }

    /// <summary>Renames a title through the store (the write path every edit takes, change log included).</summary>
    public async Task RenameAsync(string id, string name)
    {
        await using var db = Store.Create();
        (await db.Titles.SingleAsync(t => t.Id == id)).Name = name;
        await db.SaveChangesAsync();
    }

    public async Task<long> LatestChangeAsync() =>
        await services.GetRequiredService<ITitleFeed>().LatestSequenceAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in started)
            await hosted.StopAsync(CancellationToken.None);
        started.Clear();
        await services.DisposeAsync();
    }
}
