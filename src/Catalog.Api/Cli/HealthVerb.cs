using System.CommandLine;

namespace Catalog.Api.Cli;

/// <summary>
/// <c>catalog health URL</c>: GETs a health endpoint and exits 0 on a 2xx answer, 1 otherwise. It exists
/// for container health checks: the ASP.NET runtime image has neither curl nor wget, and this needs nothing
/// but the app itself (no store, no configuration, no host).
/// </summary>
internal static class HealthVerb
{
    public static Command Create(TextWriter output)
    {
        var url = new Argument<string>("url") { Description = "Absolute http(s) URL, e.g. http://127.0.0.1:8080/health/ready." };
        var command = new Command("health", "Exit 0 when URL answers 2xx within 5 s (container health checks).") { url };
        command.Validators.Add(result =>
        {
            if (!TryParse(result.GetValue(url), out _))
                result.AddError("url must be an absolute http:// or https:// URL.");
        });
        command.SetAction(async (parse, ct) =>
        {
            // A health check slower than this is as good as failed (compose's own timeout is also 5 s).
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            if (!TryParse(parse.GetValue(url), out var target))
                return 1; // the validator already reported it
            try
            {
                using var response = await client.GetAsync(target, ct);
                await output.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase} from {target}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await output.WriteLineAsync($"unreachable: {target}: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static bool TryParse(string? text, out Uri target) =>
        Uri.TryCreate(text, UriKind.Absolute, out target!) && target.Scheme is "http" or "https";
}
