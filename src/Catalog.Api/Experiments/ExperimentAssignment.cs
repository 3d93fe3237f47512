using System.Text.RegularExpressions;
using Catalog.Core.Search;
using Catalog.Store.Insights;

namespace Catalog.Api.Experiments;

/// <summary>A request's place in the running experiment: the experiment, its arm and the ranking that arm searches with.</summary>
public sealed record ArmAssignment(long ExperimentId, string Arm, RankingVariant Ranking)
{
    public bool IsVariant => Arm == Experiment.Variant;
}

/// <summary>
/// Assigns the current request to an arm of the running experiment from its <see cref="SessionHeader"/>, once per
/// request (the response cache and the search resolver must agree). Requests without a well-formed key, or while no
/// experiment runs, are in no arm and search with the default ranking. The key is only hashed, never kept.
/// </summary>
public sealed partial class ExperimentAssignment
{
    public const string SessionHeader = "X-Catalog-Session";

    private readonly Lazy<ArmAssignment?> assignment;

    public ExperimentAssignment(IHttpContextAccessor http, RunningExperiment running) =>
        assignment = new Lazy<ArmAssignment?>(() => Assign(http.HttpContext, running.Current));

    public ArmAssignment? Current => assignment.Value;

    /// <summary>A session key as the page makes it: 16 to 64 URL-safe characters.</summary>
    public static bool IsSessionKey(string? value) => value is not null && SessionKeyPattern().IsMatch(value);

    private static ArmAssignment? Assign(HttpContext? http, ActiveExperiment? active)
    {
        if (active is null || http is null || !http.Request.Headers.TryGetValue(SessionHeader, out var values)
            || values.Count != 1 || !IsSessionKey(values[0]))
        {
            return null;
        }

        var arm = active.Experiment.ArmOf(values[0]!);
        return new ArmAssignment(active.Experiment.Id, arm, arm == Experiment.Variant ? active.Settings : RankingVariant.Default);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex SessionKeyPattern();
}
