namespace Catalog.Search.Tests.Relevance;

/// <summary>What the engine returned for one judged query, scored: nDCG@10, reciprocal rank and whether it found nothing.</summary>
public sealed record QueryOutcome(JudgedQuery Query, IReadOnlyList<string> Returned, int TotalCount)
{
    public const int Depth = 10;

    public double Ndcg
    {
        get
        {
            var ideal = Dcg(Query.Grades.Values.OrderDescending());
            return Dcg(Returned.Take(Depth).Select(Query.GradeOf)) / ideal;
        }
    }

    /// <summary>1 / rank of the first returned title with the query's top grade (0 when none is returned).</summary>
    public double ReciprocalRank
    {
        get
        {
            var rank = Returned.ToList().FindIndex(id => Query.GradeOf(id) == Query.TopGrade);
            return rank < 0 ? 0 : 1.0 / (rank + 1);
        }
    }

    public bool FoundNothing => TotalCount == 0;

    /// <summary>DCG with exponential gain (2^grade - 1), so the title meant counts far more than an acceptable one.</summary>
    private static double Dcg(IEnumerable<int> grades) =>
        grades.Take(Depth).Select((grade, rank) => (Math.Pow(2, grade) - 1) / Math.Log2(rank + 2)).Sum();
}
