using System.CommandLine;
using Catalog.Core.Feed;
using Catalog.Search.Indexing;

namespace Catalog.Api.Cli;

/// <summary>
/// <c>catalog verify</c>: compares the committed index with the store and exits 1 on any difference,
/// listing the first ones (exit 0 when they are equal).
/// </summary>
internal static class VerifyVerb
{
    public static Command Create(Option<string?> data, TextWriter output)
    {
        var command = new Command("verify", "Compare the search index with the store; exit 1 on any difference.");
        command.SetAction(async (parse, ct) =>
        {
            using var host = await VerbHost.StartAsync(CatalogCli.Common(parse, data), ct);
            var result = await IndexVerifier.VerifyAsync(
                host.Services.GetRequiredService<IndexLayout>(), host.Services.GetRequiredService<ITitleFeed>(), ct);
            if (result.Matches)
            {
                await output.WriteLineAsync($"index matches the store: {result.Titles} titles, change log at {result.StoreSequence}");
                return 0;
            }

            await output.WriteLineAsync($"index differs from the store in {result.DifferenceCount} ways (store: {result.Titles} titles, change log at {result.StoreSequence}; index at {result.IndexSequence}):");
            foreach (var difference in result.Differences)
                await output.WriteLineAsync($"  {difference}");
            if (result.DifferenceCount > result.Differences.Count)
                await output.WriteLineAsync($"  … and {result.DifferenceCount - result.Differences.Count} more");
            return 1;
        });
        return command;
    }
}
