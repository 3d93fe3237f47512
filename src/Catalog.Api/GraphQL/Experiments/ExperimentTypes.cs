using Catalog.Api.GraphQL.Common;
using Catalog.Core.Search;
using Catalog.Store.Insights;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Experiments;

/// <summary>An experiment with its report, computed when asked for.</summary>
public sealed record ExperimentPayload(Experiment Experiment, Func<Task<ExperimentResults>> Results);

public sealed class TypoToleranceType : EnumerationGraphType<TypoTolerance>
{
    public TypoToleranceType()
    {
        Name = "TypoTolerance";
        Values["NORMAL"]!.Description = "One typo from 4 characters, two from 8 (today's ranking).";
        Values["STRICT"]!.Description = "One typo from 5 characters, never two.";
    }
}

public sealed class PopularityTieBreakType : EnumerationGraphType<PopularityTieBreak>
{
    public PopularityTieBreakType()
    {
        Name = "PopularityTieBreak";
        Values["VOTES"]!.Description = "Among equally relevant titles, more votes first (today's ranking).";
        Values["WEIGHTED_RATING"]!.Description = "Among equally relevant titles, the higher weighted rating first.";
    }
}

public sealed class RankingVariantType : ObjectGraphType<RankingVariant>
{
    public RankingVariantType()
    {
        Name = "RankingVariant";
        Description = "The ranking knobs of an experiment's variant arm (B); the control arm (A) ranks as every other search.";
        Field<NonNullGraphType<TypoToleranceType>>("typoTolerance").Resolve(c => c.Source.TypoTolerance);
        Field<NonNullGraphType<PopularityTieBreakType>>("popularityTieBreak").Resolve(c => c.Source.PopularityTieBreak);
        Field<NonNullGraphType<BooleanGraphType>>("fallbacks")
            .Description("Whether a search finding few titles may answer a looser reading (typo variants, correction, dropped words).").Resolve(c => c.Source.Fallbacks);
    }
}

public sealed class RankingVariantInputType : InputObjectGraphType
{
    public RankingVariantInputType()
    {
        Name = "RankingVariantInput";
        Description = "Knobs you omit keep today's ranking (NORMAL, VOTES, fallbacks true).";
        Field<TypoToleranceType>("typoTolerance");
        Field<PopularityTieBreakType>("popularityTieBreak");
        Field<BooleanGraphType>("fallbacks");
    }

    public static RankingVariant ToVariant(IReadOnlyDictionary<string, object?>? input) => new()
    {
        TypoTolerance = input?.GetValueOrDefault("typoTolerance") as TypoTolerance? ?? RankingVariant.Default.TypoTolerance,
        PopularityTieBreak = input?.GetValueOrDefault("popularityTieBreak") as PopularityTieBreak? ?? RankingVariant.Default.PopularityTieBreak,
        Fallbacks = input?.GetValueOrDefault("fallbacks") as bool? ?? RankingVariant.Default.Fallbacks,
    };
}

public sealed class StartExperimentInputType : InputObjectGraphType
{
    public StartExperimentInputType()
    {
        Name = "StartExperimentInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description($"1 to {Experiment.MaxNameLength} characters.");
        Field<NonNullGraphType<RankingVariantInputType>>("variant").Description("How the variant arm (B) ranks.");
        Field<NonNullGraphType<FloatGraphType>>("trafficShare")
            .Description("Share of sessions in the variant arm, 0.01 to 0.99; the other sessions are the control arm (A).");
    }
}

public sealed class EstimateType : ObjectGraphType<Estimate>
{
    public EstimateType()
    {
        Name = "Estimate";
        Description = "A measured value with its 95% confidence interval.";
        Field<NonNullGraphType<FloatGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<FloatGraphType>>("low").Resolve(c => c.Source.Low);
        Field<NonNullGraphType<FloatGraphType>>("high").Resolve(c => c.Source.High);
    }
}

public sealed class ArmReportType : ObjectGraphType<ArmReport>
{
    public ArmReportType()
    {
        Name = "ArmReport";
        Field<NonNullGraphType<StringGraphType>>("arm").Description("A (control) or B (variant).").Resolve(c => c.Source.Arm);
        Field<NonNullGraphType<IntGraphType>>("searches").Resolve(c => c.Source.Searches);
        Field<NonNullGraphType<IntGraphType>>("clickedSearches").Resolve(c => c.Source.ClickedSearches);
        Field<NonNullGraphType<IntGraphType>>("zeroResultSearches").Resolve(c => c.Source.ZeroResultSearches);
        Field<NonNullGraphType<EstimateType>>("clickThroughRate")
            .Description("Searches with at least one opened result / searches (Wilson interval).").Resolve(c => c.Source.ClickThroughRate);
        Field<NonNullGraphType<EstimateType>>("meanReciprocalRank")
            .Description("Mean over searches of 1 / position of the best-placed opened result, 0 without one (normal interval).").Resolve(c => c.Source.MeanReciprocalRank);
        Field<NonNullGraphType<EstimateType>>("zeroResultRate").Description("Searches that found nothing / searches (Wilson interval).").Resolve(c => c.Source.ZeroResultRate);
    }
}

public sealed class ArmComparisonType : ObjectGraphType<ArmComparison>
{
    public ArmComparisonType()
    {
        Name = "ArmComparison";
        Description = "Pooled two-proportion z-test of the variant (B) against control (A), two-sided.";
        Field<NonNullGraphType<FloatGraphType>>("z").Description("B's rate minus A's, in pooled standard errors.").Resolve(c => c.Source.Z);
        Field<NonNullGraphType<FloatGraphType>>("pValue").Resolve(c => c.Source.PValue);
        Field<NonNullGraphType<BooleanGraphType>>("significant").Description("pValue < 0.05.").Resolve(c => c.Source.Significant);
        Field<StringGraphType>("better").Description("The arm with the better rate (A or B) when significant, else null.").Resolve(c => c.Source.Better);
    }
}

public sealed class ExperimentReportType : ObjectGraphType<ExperimentResults>
{
    public ExperimentReportType()
    {
        Name = "ExperimentReport";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArmReportType>>>>("arms").Description("A (control), then B (variant).")
            .Resolve(c => new[] { c.Source.Control, c.Source.Variant });
        Field<NonNullGraphType<ArmComparisonType>>("clickThrough").Description("Higher is better.").Resolve(c => c.Source.ClickThrough);
        Field<NonNullGraphType<ArmComparisonType>>("zeroResults").Description("Lower is better.").Resolve(c => c.Source.ZeroResults);
    }
}

public sealed class ExperimentType : ObjectGraphType<ExperimentPayload>
{
    public ExperimentType()
    {
        Name = "Experiment";
        Description = "A ranking experiment: sessions sending X-Catalog-Session are split between control (A) and variant (B) by a stable hash.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Experiment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Experiment.Name);
        Field<NonNullGraphType<RankingVariantType>>("variant").Resolve(c => c.Source.Experiment.Settings);
        Field<NonNullGraphType<FloatGraphType>>("trafficShare").Resolve(c => c.Source.Experiment.TrafficShare);
        Field<NonNullGraphType<DateTimeScalar>>("startedAt").Resolve(c => new DateTimeOffset(c.Source.Experiment.StartedAt, TimeSpan.Zero));
        Field<DateTimeScalar>("stoppedAt").Resolve(c => c.Source.Experiment.StoppedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
        Field<NonNullGraphType<BooleanGraphType>>("running").Resolve(c => c.Source.Experiment.IsRunning);
        Field<NonNullGraphType<ExperimentReportType>>("report").Description("Per arm results and tests, from the searches recorded so far.")
            .ResolveAsync(async c => await c.Source.Results());
    }
}
