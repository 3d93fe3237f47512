using System.CommandLine;

namespace Catalog.Api.Cli;

/// <summary><c>catalog reindex</c>: rebuilds the search index from the store (the search issue fills this in).</summary>
internal static class ReindexVerb
{
    public static Command Create(Option<string?> data, TextWriter output)
    {
        var command = new Command("reindex", "Rebuild the search index from the store while searches continue.");
        command.SetAction(async (parse, ct) =>
        {
            using var host = await VerbHost.StartAsync(CatalogCli.Common(parse, data), ct);
            await output.WriteLineAsync("reindex: not yet (the search index arrives with the search-engine issue).");
            return 0;
        });
        return command;
    }
}
