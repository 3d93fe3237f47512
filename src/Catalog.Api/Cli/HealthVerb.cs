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
        var timeout = new Option<int>("--timeout-seconds") { Description = "Give up after this many seconds (default 5).", DefaultValueFactory = _ => 5 };
        var command = new Command("health", "Exit 0 when URL answers 2xx (container health checks).") { url, timeout };
        command.Validators.Add(result =>
        {
            if (!TryParse(result.GetValue(url), out _))
                result.AddError("url must be an absolute http:// or https:// URL.");
            if (result.GetValue(timeout) is < 1 or > 300)
                result.AddError("--timeout-seconds must be between 1 and 300.");
        });
        command.SetAction(async (parse, ct) =>
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            TryParse(parse.GetValue(url), out var target);
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
