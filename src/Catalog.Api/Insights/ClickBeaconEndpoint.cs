using Catalog.Api.GraphQL.Insights;

namespace Catalog.Api.Insights;

/// <summary>
/// <c>POST /insights/click</c>: the form the page sends with <c>navigator.sendBeacon</c> as a result is opened
/// (<c>searchId</c>, <c>titleId</c>, <c>position</c>), so the click survives the navigation it starts. Same checks
/// and effect as the <c>recordClick</c> mutation.
/// </summary>
public static class ClickBeaconEndpoint
{
    public const string Path = "/insights/click";

    private const long MaxBodyBytes = 2048;

    public static void MapClickBeacon(this WebApplication app) =>
        app.MapPost(Path, async (HttpContext http, SearchRecorder recorder) =>
        {
            if (!http.Request.HasFormContentType || http.Request.ContentLength is null or > MaxBodyBytes)
                return Refuse("Send a form (application/x-www-form-urlencoded) of at most 2 KB: searchId, titleId, position.");
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var searchId = form["searchId"].ToString();
            var titleId = form["titleId"].ToString();
            if (!int.TryParse(form["position"].ToString(), out var position))
                return Refuse("'position' must be a whole number.");
            if (InsightsFields.ClickProblem(searchId, titleId, position) is { } problem)
                return Refuse(problem);
            recorder.RecordClick(searchId, titleId, position);
            return Results.NoContent();
        });

    private static IResult Refuse(string message) => Results.BadRequest(new { error = message });
}
