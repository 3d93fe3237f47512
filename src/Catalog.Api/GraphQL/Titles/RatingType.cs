using Catalog.Api.GraphQL.Common;
using Catalog.Core;
using Catalog.Core.Ranking;
using Catalog.Core.Titles;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Catalog.Api.GraphQL.Titles;

/// <summary>The viewer rating aggregate of a title; <see cref="Weighted"/> is what the RATING sort orders by.</summary>
public sealed record TitleRating(double? Average, int Count, double Weighted)
{
    public static TitleRating For(IResolveFieldContext context, Title title)
    {
        var catalogMean = context.Service<ICatalogMean>().Current;
        var priorVotes = context.Service<IOptions<CatalogOptions>>().Value.Ranking.PriorVotes;
        var average = title.RatingAverage;
        var weighted = WeightedRating.Compute(average ?? 0, title.RatingCount, catalogMean, priorVotes);
        return new TitleRating(average, title.RatingCount, weighted);
    }
}

public sealed class RatingType : ObjectGraphType<TitleRating>
{
    public RatingType()
    {
        Name = "Rating";
        Field<FloatGraphType>("average").Description("Mean rating on the 1–10 scale; null without votes.").Resolve(c => c.Source.Average);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<FloatGraphType>>("weighted")
            .Description("Bayesian weighted rating v/(v+m)·R + m/(v+m)·C (m = Catalog:Ranking:PriorVotes, C = catalog mean).")
            .Resolve(c => c.Source.Weighted);
    }
}
