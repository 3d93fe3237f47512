using Catalog.Core.Search;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Search;

public sealed class TitleSortType : EnumerationGraphType<TitleSort>
{
    public TitleSortType() => Name = "TitleSort";
}

public sealed class FacetFieldType : EnumerationGraphType<FacetField>
{
    public FacetFieldType() => Name = "FacetField";
}

public sealed class SuggestionKindType : EnumerationGraphType<SuggestionKind>
{
    public SuggestionKindType() => Name = "SuggestionKind";
}

public sealed class QueryRelaxationType : EnumerationGraphType<QueryRelaxation>
{
    public QueryRelaxationType()
    {
        Name = "QueryRelaxation";
        Description = "Which reading of the query the results answer: when the text typed finds few titles, a looser reading may answer instead.";
        Values["NONE"]!.Description = "The text as typed.";
        Values["TYPO_VARIANTS"]!.Description = "The text with typo variants of words it matched exactly, too; exact matches still come first.";
        Values["CORRECTED"]!.Description = "The spelling-corrected text (correctedQuery), because the text typed found nothing.";
        Values["WORDS_DROPPED"]!.Description = "The text without its least important words (correctedQuery), because nothing else found anything.";
    }
}
