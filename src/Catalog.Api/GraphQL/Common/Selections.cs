using GraphQL;
using GraphQLParser.AST;

namespace Catalog.Api.GraphQL.Common;

/// <summary>What a field's selection asks for, fragments expanded, so a resolver can skip work no one reads.</summary>
public static class Selections
{
    /// <summary>
    /// True when the current field's selection holds the fields of <paramref name="path"/> (field names, not aliases)
    /// one inside the other, through any fragment. <c>@skip</c>/<c>@include</c> are not evaluated: a field they may
    /// drop counts as selected.
    /// </summary>
    public static bool Selects(this IResolveFieldContext context, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        return context.FieldAst.SelectionSet is { } set && Holds(set, path, 0, fragments);
    }

    // Validated documents have no fragment cycles (DocumentBudget refuses them before validation).
    private static bool Holds(GraphQLSelectionSet set, string[] path, int level, Dictionary<string, GraphQLFragmentDefinition> fragments) =>
        set.Selections.Any(selection => selection switch
        {
            GraphQLField field when field.Name.StringValue == path[level] =>
                level == path.Length - 1 || (field.SelectionSet is { } children && Holds(children, path, level + 1, fragments)),
            GraphQLInlineFragment inline => Holds(inline.SelectionSet, path, level, fragments),
            GraphQLFragmentSpread spread => fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                && Holds(fragment.SelectionSet, path, level, fragments),
            _ => false,
        });
}
