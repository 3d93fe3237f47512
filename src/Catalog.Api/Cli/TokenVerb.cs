using System.CommandLine;
using Catalog.Api.Auth;
using Catalog.Api.Hosting;

namespace Catalog.Api.Cli;

/// <summary><c>catalog token --viewer ID [--name N] | --curator ID</c>: prints a development JWT.</summary>
internal static class TokenVerb
{
    public static Command Create(Option<string?> data, TextWriter output)
    {
        var viewer = new Option<string?>("--viewer") { Description = "Viewer id (the token's sub)." };
        var curator = new Option<string?>("--curator") { Description = "Curator id (the token's sub)." };
        var name = new Option<string?>("--name") { Description = "Display name." };
        var command = new Command("token", "Print a development JWT signed with Catalog:Auth:SigningKey.") { viewer, curator, name };
        // Settings such as --environment Development reach the configuration, as for serve.
        command.TreatUnmatchedTokensAsErrors = false;
        command.Validators.Add(result =>
        {
            if (result.GetValue(viewer) is null == result.GetValue(curator) is null)
                result.AddError("Give exactly one of --viewer ID or --curator ID.");
        });
        command.SetAction(async (parse, _) =>
        {
            // Configuration only: printing a token needs no store, but the same key resolution as `serve`.
            var builder = VerbHost.CreateBuilder(CatalogCli.Common(parse, data));
            var options = builder.Configuration.GetCatalogOptions<AuthOptions>(AuthOptions.Section);
            try
            {
                options.SigningKey = SigningKeys.Resolve(builder.Configuration, builder.Environment).Key;
            }
            catch (UnsafeSigningKeyException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }

            // Token lifetimes are checked against the real clock, never the (possibly fixed) catalog clock.
            var now = TimeProvider.System.GetUtcNow();
            var (subject, role) = parse.GetValue(viewer) is { } v ? (v, AuthOptions.ViewerRole) : (parse.GetValue(curator)!, AuthOptions.CuratorRole);
            await output.WriteLineAsync(DevelopmentTokens.Create(options, subject, parse.GetValue(name), role, now));
            return 0;
        });
        return command;
    }
}
