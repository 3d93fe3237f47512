using System.Text;

namespace Catalog.Search.Tests.Relevance;

/// <summary>The judged set's figures as Markdown: overall, per category, and the queries that lose most.</summary>
public sealed class RelevanceReport(IReadOnlyList<QueryOutcome> outcomes)
{
    public const int WorstShown = 20;

    public RelevanceFigures Overall { get; } = RelevanceFigures.Of("all", outcomes);

    public IReadOnlyList<RelevanceFigures> ByCategory { get; } =
        [.. outcomes.GroupBy(o => o.Query.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => RelevanceFigures.Of(g.Key, [.. g]))];

    /// <summary>The lowest nDCG first (ties: lower reciprocal rank, then the query), so the list is stable between runs.</summary>
    public IReadOnlyList<QueryOutcome> Worst { get; } =
        [.. outcomes.OrderBy(o => o.Ndcg).ThenBy(o => o.ReciprocalRank).ThenBy(o => o.Query.Text, StringComparer.Ordinal).Take(WorstShown)];

    /// <summary>Every query's figures and first three titles, tab-separated, to compare two runs line by line.</summary>
    public string ToTsv() => string.Concat(outcomes.Select(o =>
        $"{o.Query.Text}\t{o.Query.Category}\t{o.Ndcg:0.000}\t{o.ReciprocalRank:0.000}\t{o.TotalCount}\t{string.Join(' ', o.Returned.Take(3))}\n"));

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| category | queries | nDCG@10 | MRR | zero-result rate |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var figures in ByCategory.Prepend(Overall))
            text.AppendLine(figures.Row);
        text.AppendLine();
        text.AppendLine($"The {WorstShown} queries that lose most (what came back first, with its grade):");
        text.AppendLine();
        text.AppendLine("| query | category | nDCG@10 | RR | found | first three returned |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | --- |");
        foreach (var o in Worst)
        {
            var firstThree = string.Join(", ", o.Returned.Take(3).Select(id => $"{id} ({o.Query.GradeOf(id)})"));
            text.AppendLine($"| {o.Query.Text} | {o.Query.Category} | {o.Ndcg:0.000} | {o.ReciprocalRank:0.000} | {o.TotalCount} | {firstThree} |");
        }

        return text.ToString();
    }
}
