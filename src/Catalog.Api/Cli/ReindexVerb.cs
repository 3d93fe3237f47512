using System.CommandLine;
using System.Diagnostics;
using Catalog.Search.Indexing;
using Spectre.Console;

namespace Catalog.Api.Cli;

/// <summary>
/// <c>catalog reindex</c>: builds a new index generation from the store and points the index at it. A
/// server running on the same data folder keeps serving the old generation and switches at its next poll.
/// </summary>
internal static class ReindexVerb
{
    public static Command Create(Option<string?> data, TextWriter output)
    {
        var command = new Command("reindex", "Rebuild the search index from the store while searches continue.");
        command.SetAction(async (parse, ct) =>
        {
            using var host = await VerbHost.StartAsync(CatalogCli.Common(parse, data), ct);
            var index = host.Services.GetRequiredService<CatalogIndex>();
            var clock = Stopwatch.StartNew();
            IndexBuildResult result;
            try
            {
                result = await RebuildWithProgressAsync(index, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"reindex failed (the previous index is untouched): {e.Message}");
                return 2;
            }

            await output.WriteLineAsync(
                $"reindexed {result.Titles} titles in {clock.Elapsed.TotalSeconds:F1}s into {index.Layout.PathOf(result.Generation)} (change log at {result.Sequence})");
            return 0;
        });
        return command;
    }

    private static async Task<IndexBuildResult> RebuildWithProgressAsync(CatalogIndex index, CancellationToken ct)
    {
        if (Console.IsErrorRedirected)
            return await index.RebuildAsync(null, ct);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("indexing titles");
            var progress = new Progress<IndexBuildProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Processed;
            });
            var result = await index.RebuildAsync(progress, ct);
            task.Value = task.MaxValue;
            return result;
        });
    }
}
