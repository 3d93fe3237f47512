namespace Catalog.Search.Tests.Relevance;

/// <summary>Mean nDCG@10, mean reciprocal rank and zero-result rate of a set of query outcomes.</summary>
public sealed record RelevanceFigures(string Label, int Queries, double Ndcg, double Mrr, double ZeroRate)
{
    public static RelevanceFigures Of(string label, IReadOnlyCollection<QueryOutcome> outcomes) => new(
        label,
        outcomes.Count,
        outcomes.Average(o => o.Ndcg),
        outcomes.Average(o => o.ReciprocalRank),
        outcomes.Count(o => o.FoundNothing) / (double)outcomes.Count);

    public string Row => $"| {Label} | {Queries} | {Ndcg:0.000} | {Mrr:0.000} | {ZeroRate:0.000} |";
}
