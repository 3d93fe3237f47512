using System.Text.Json;
using Catalog.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Auth;

/// <summary>The browse page's development sign-in: <c>POST /dev/token</c> mints what <c>catalog token</c> prints.</summary>
public static class DevSignInEndpoints
{
    public const string Key = "Catalog:Web:DevSignIn";
    public const string Path = "/dev/token";
    private const int MaxIdLength = 64;
    private const int MaxNameLength = 100;

    public sealed record TokenRequest(string? Role, string? Id, string? Name);

    /// <summary>
    /// Maps the endpoint when <see cref="Key"/> is true. Unset, it exists in the Development environment
    /// and answers only once this data folder's store has been seeded from the bundled sample (before that,
    /// and in any other environment, it is 404 like any unknown route).
    /// </summary>
    public static void MapDevSignIn(this WebApplication app)
    {
        var configured = app.Configuration.GetValue<bool?>(Key);
        if (configured == false || (configured is null && !app.Environment.IsDevelopment()))
        {
            // Without this, the page fallback (GET only) would answer other methods with 405, saying the path exists.
            app.Map(Path, () => Results.NotFound());
            return;
        }

        bool Enabled(HttpContext http) =>
            configured == true || http.RequestServices.GetRequiredService<SampleCatalogSeeder>().StoreHoldsSample;

        app.MapGet(Path, (HttpContext http) => Enabled(http) ? Results.Json(new { enabled = true }) : Results.NotFound());
        app.MapPost(Path, async (HttpContext http, IOptions<AuthOptions> auth) =>
            Enabled(http) ? await IssueAsync(http, auth.Value) : Results.NotFound());
    }

    private static async Task<IResult> IssueAsync(HttpContext http, AuthOptions auth)
    {
        TokenRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<TokenRequest>(http.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return BadRequest("Send a JSON object: {\"role\":\"viewer\"|\"curator\",\"id\":\"optional\",\"name\":\"optional\"}.");
        }

        var role = request?.Role?.Trim().ToLowerInvariant();
        if (role is not (AuthOptions.ViewerRole or AuthOptions.CuratorRole))
            return BadRequest("role must be \"viewer\" or \"curator\".");
        var id = string.IsNullOrWhiteSpace(request!.Id) ? $"dev-{role}" : request.Id.Trim();
        var name = string.IsNullOrWhiteSpace(request.Name) ? (role == AuthOptions.CuratorRole ? "Dev Curator" : "Dev Viewer") : request.Name.Trim();
        if (id.Length > MaxIdLength || id.Any(char.IsControl))
            return BadRequest($"id must be at most {MaxIdLength} characters without control characters.");
        if (name.Length > MaxNameLength || name.Any(char.IsControl))
            return BadRequest($"name must be at most {MaxNameLength} characters without control characters.");

        // Token lifetimes are real time, never the (possibly fixed) catalog clock, as for `catalog token`.
        var token = DevelopmentTokens.Create(auth, id, name, role, TimeProvider.System.GetUtcNow());
        return Results.Json(new { token, id, name, role });
    }

    private static IResult BadRequest(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);
}
