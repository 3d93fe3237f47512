using Catalog.Core.Search;

namespace Catalog.Benchmarks.Queries;

internal enum QueryShape
{
    Plain,
    Prefix,
    Misspelled,
    Filtered,
    Person,
    Deep,
}

/// <summary>
/// One query of the mix, in a form every system can run: the words as typed (the last one is searched
/// as a prefix, as SPEC 3 says), the filter, sort and page. Misspelled queries know the title they were
/// derived from and their correctly spelled text, for recall@10.
/// </summary>
internal sealed record BenchQuery(
    int Number,
    QueryShape Shape,
    IReadOnlyList<string> Words,
    TitleFilter? Filter,
    TitleSort Sort,
    int Page,
    string? ExpectedTitleId = null,
    IReadOnlyList<string>? CleanWords = null)
{
    public const int PageSize = 20;

    /// <summary>The five facets every query of the mix asks for (counts of the top values).</summary>
    public static readonly IReadOnlyList<FacetRequest> Facets =
    [
        new(FacetField.Genre, MaxValues: 10),
        new(FacetField.Tag, MaxValues: 10),
        new(FacetField.Decade, MaxValues: 10),
        new(FacetField.Kind, MaxValues: 10),
        new(FacetField.RatingBucket, MaxValues: 10),
    ];

    public string Text => string.Join(' ', Words);

    public BenchQuery Clean() => this with { Words = CleanWords ?? Words, Shape = QueryShape.Plain };
}
