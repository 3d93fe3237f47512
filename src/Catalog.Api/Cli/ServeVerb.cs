using System.CommandLine;
using Catalog.Api.Auth;
using Catalog.Api.Hosting;

namespace Catalog.Api.Cli;

/// <summary><c>catalog serve [--urls URLS]</c> (the default verb).</summary>
internal static class ServeVerb
{
    public static Command Create(Option<string?> data)
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, e.g. http://127.0.0.1:5080." };
        var command = new Command("serve", "Run the GraphQL API and the browse page (default).") { urls };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(CatalogCli.Common(parse, data), parse.GetValue(urls), ct));
        return command;
    }

    public static async Task<int> RunAsync(CommonSettings settings, string? urls, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = CatalogWebApp.Build(settings, urls);
            await ((IHost)app).RunAsync(cancellationToken);
            return 0;
        }
        catch (Exception e) when (e is UnsafeSigningKeyException || OptionsRegistration.IsConfigurationError(e))
        {
            await Console.Error.WriteLineAsync($"refusing to start: {e.Message}");
            return 1;
        }
    }
}
