using System.CommandLine;
using Catalog.Api.Hosting;

namespace Catalog.Api.Cli;

/// <summary>
/// The <c>catalog</c> command line. With no verb it serves; tokens it does not know (for example the
/// <c>--environment=…</c> settings a test host passes) are handed to the host's configuration.
/// </summary>
public static class CatalogCli
{
    public static Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        var stdout = output ?? Console.Out;
        var data = new Option<string?>("--data") { Description = "Data folder (store and index); default Catalog:DataDirectory.", Recursive = true };
        var root = new RootCommand("Catalog: media catalog search service.") { TreatUnmatchedTokensAsErrors = false };
        root.Options.Add(data);

        var serve = ServeVerb.Create(data);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(ImportVerb.Create(data, stdout));
        root.Subcommands.Add(ReindexVerb.Create(data, stdout));
        root.Subcommands.Add(StatsVerb.Create(data, stdout));
        root.Subcommands.Add(TokenVerb.Create(data, stdout));
        root.Subcommands.Add(VerifyVerb.Create(data, stdout));
        root.Subcommands.Add(InsightsVerb.Create(data, stdout));
        root.Subcommands.Add(HealthVerb.Create(stdout));
        root.SetAction((parse, ct) => ServeVerb.RunAsync(Common(parse, data), urls: null, ct));
        return root.Parse(args).InvokeAsync();
    }

    internal static CommonSettings Common(ParseResult parse, Option<string?> data) =>
        new(parse.GetValue(data), parse.UnmatchedTokens.ToArray());
}
