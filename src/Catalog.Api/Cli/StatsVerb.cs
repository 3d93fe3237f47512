using System.CommandLine;
using Catalog.Search.Indexing;
using Catalog.Store;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Cli;

/// <summary><c>catalog stats</c>: counts per kind, genre and tag, the change log's size and bounds, and where the store and index live.</summary>
internal static class StatsVerb
{
    public static Command Create(Option<string?> data, TextWriter output)
    {
        var command = new Command("stats", "Counts per kind, genre and tag; store and index location.");
        command.SetAction(async (parse, ct) =>
        {
            using var host = await VerbHost.StartAsync(CatalogCli.Common(parse, data), ct);
            await using var db = host.Services.GetRequiredService<ICatalogDbFactory>().Create();
            var stats = await StoreStatistics.ComputeAsync(db, ct);
            await output.WriteLineAsync($"store: {db.Database.ProviderName} {DescribeStore(db)}");
            await output.WriteLineAsync(DescribeIndex(host.Services.GetRequiredService<IndexLayout>()));
            await output.WriteLineAsync($"titles {stats.Titles}, trailers {stats.Trailers}, reviews {stats.Reviews}, votes {stats.Votes}");
            var log = stats.ChangeLog;
            await output.WriteLineAsync($"change log: {log.Entries} entries, oldest retained {log.Oldest}, newest {log.Newest}, compacted through {log.CompactedThrough}");
            await WriteCountsAsync(output, "kinds", stats.Kinds);
            await WriteCountsAsync(output, "genres", stats.Genres);
            await WriteCountsAsync(output, "tags", stats.Tags);
            return 0;
        });
        return command;
    }

    private static string DescribeStore(CatalogDbContext db) =>
        db.Database.IsSqlite() ? db.Database.GetDbConnection().DataSource : db.Database.GetDbConnection().Database;

    private static string DescribeIndex(IndexLayout layout) => IndexStatistics.Read(layout) is { } index
        ? $"index: {layout.PathOf(index.Generation)} ({index.Documents} titles, change log at {index.Sequence}, {index.SizeBytes / 1024.0 / 1024.0:F1} MiB)"
        : $"index: {layout.Root} (none yet: built at the next serve or reindex)";

    private static async Task WriteCountsAsync(TextWriter output, string heading, IReadOnlyList<KeyValuePair<string, int>> counts)
    {
        await output.WriteLineAsync($"{heading} ({counts.Count}):");
        foreach (var (value, count) in counts)
            await output.WriteLineAsync($"  {count,7}  {value}");
    }
}
