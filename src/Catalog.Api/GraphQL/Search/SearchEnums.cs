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
