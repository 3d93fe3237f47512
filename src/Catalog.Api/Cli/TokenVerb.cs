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
        command.Validators.Add(result =>
        {
            if (result.GetValue(viewer) is null == result.GetValue(curator) is null)
                result.AddError("Give exactly one of --viewer ID or --curator ID.");
        });
        command.SetAction(async (parse, ct) =>
        {
            using var host = await VerbHost.StartAsync(CatalogCli.Common(parse, data), ct);
            var options = host.Services.GetRequiredService<IConfiguration>().GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
            // Token lifetimes are checked against the real clock, never the (possibly fixed) catalog clock.
            var now = TimeProvider.System.GetUtcNow();
            var (subject, role) = parse.GetValue(viewer) is { } v ? (v, AuthOptions.ViewerRole) : (parse.GetValue(curator)!, AuthOptions.CuratorRole);
            await output.WriteLineAsync(DevelopmentTokens.Create(options, subject, parse.GetValue(name), role, now));
            return 0;
        });
        return command;
    }
}
