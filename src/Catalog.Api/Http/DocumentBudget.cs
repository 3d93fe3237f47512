using GraphQL;
using GraphQLParser.AST;

namespace Catalog.Api.Http;

/// <summary>
/// A linear-time size check of a parsed document, run before GraphQL.NET validates it. Validation walks each
/// fragment as often as it is spread (the complexity analyzer, depth and overlap rules), so a 1 KB document of
/// fragments each spreading the previous one twice expands to 2^k fields and took minutes; and
/// OverlappingFieldsCanBeMerged compares every pair of fields sharing a response name, so one alias selected
/// 1,500 times made 1.1 million comparisons and errors. Here each fragment's size is counted once (memoised),
/// fragment cycles and duplicate names are refused, and the pairs that rule would compare are counted on the
/// merged selection sets; only documents within every bound reach validation, whose work they then bound.
/// </summary>
internal sealed class DocumentBudget
{
    /// <summary>
    /// Nesting levels (fields, fragment spreads, inline fragments) beyond which a document is refused: GraphQL.NET's
    /// rules recurse per level, and no client nests selections this deep (depth of fields alone is MaxDepth).
    /// </summary>
    public const int MaxNesting = 64;

    private readonly GraphQLHttpOptions limits;
    private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = [];
    private readonly Dictionary<string, Size> sizes = [];
    private readonly HashSet<string> counting = [];
    private long overlaps;

    private DocumentBudget(GraphQLHttpOptions limits) => this.limits = limits;

    /// <summary>Null when the document is within the limits, else the error that refuses it.</summary>
    public static ExecutionError? Check(GraphQLDocument document, GraphQLHttpOptions limits)
    {
        try
        {
            new DocumentBudget(limits).Measure(document);
            return null;
        }
        catch (RefusedException e)
        {
            return new ExecutionError(e.Message) { Code = e.Code };
        }
    }

    private void Measure(GraphQLDocument document)
    {
        var operations = new List<GraphQLOperationDefinition>();
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment && !fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment))
                throw Refuse("DUPLICATE_FRAGMENT", $"Fragment \"{fragment.FragmentName.Name.StringValue}\" is defined more than once.");
            if (definition is GraphQLOperationDefinition operation)
                operations.Add(operation);
        }

        // Every fragment, used or not, is counted: validation visits unused ones too.
        foreach (var name in fragments.Keys)
            SizeOfFragment(name, 1);
        var total = 0L;
        foreach (var operation in operations)
        {
            var size = SizeOf(operation.SelectionSet, 1);
            total = Math.Min(total + size.Selections + (operation.Variables?.Items.Count ?? 0) + Weight(operation), long.MaxValue / 4);
            if (size.FieldDepth > limits.MaxDepth)
            {
                throw Refuse("COMPLEXITY",
                    $"Query is too nested to execute. Depth is {size.FieldDepth} levels, maximum allowed on this endpoint is {limits.MaxDepth}.");
            }
        }

        if (total > limits.MaxSelections)
        {
            throw Refuse("QUERY_TOO_LARGE",
                $"The document expands to more than {limits.MaxSelections} selections (fields, arguments and directives) once fragments are expanded; request fewer fields or spread fragments fewer times.");
        }

        foreach (var operation in operations)
            CountOverlaps([operation.SelectionSet]);
    }

    /// <summary>The size of <paramref name="set"/>, whose selections sit at nesting <paramref name="level"/>.</summary>
    private Size SizeOf(GraphQLSelectionSet set, int level)
    {
        if (level > MaxNesting)
            throw TooNested();
        var size = default(Size);
        foreach (var selection in set.Selections)
        {
            var inner = selection switch
            {
                GraphQLField { SelectionSet: { } children } => SizeOf(children, level + 1),
                GraphQLInlineFragment inline => SizeOf(inline.SelectionSet, level + 1),
                GraphQLFragmentSpread spread => SizeOfFragment(spread.FragmentName.Name.StringValue, level + 1),
                _ => default,
            };
            var fieldLevel = selection is GraphQLField ? 1 : 0;
            size = new Size(
                Math.Min(size.Selections + Weight(selection) + inner.Selections, long.MaxValue / 4),
                Math.Max(size.FieldDepth, fieldLevel + inner.FieldDepth),
                Math.Max(size.Nesting, 1 + inner.Nesting));
        }

        return size;
    }

    /// <summary>
    /// A selection (or operation) counts once, plus once for each argument, directive and input-object field it carries: validation
    /// reports an error per repeated or unknown one, and each error costs a scan of the source for its location, so
    /// 3,000 copies of one directive on a field took seconds before they were counted here.
    /// </summary>
    private static long Weight(ASTNode node)
    {
        var weight = 1L;
        if (node is GraphQLField { Arguments: { } arguments })
            weight += WeightOf(arguments);
        if (node is IHasDirectivesNode { Directives: { } directives })
        {
            foreach (var directive in directives.Items)
                weight += 1 + (directive.Arguments is { } directiveArguments ? WeightOf(directiveArguments) : 0);
        }

        return weight;
    }

    private static long WeightOf(GraphQLArguments arguments)
    {
        var weight = 0L;
        foreach (var argument in arguments.Items)
            weight += 1 + WeightOf(argument.Value);
        return weight;
    }

    private static long WeightOf(GraphQLValue value) => value switch
    {
        GraphQLObjectValue { Fields: { } fields } => fields.Sum(f => 1 + WeightOf(f.Value)),
        GraphQLListValue { Values: { } values } => values.Sum(WeightOf),
        _ => 0,
    };

    /// <summary>A fragment's size, counted once, spread so that its selections sit at nesting <paramref name="level"/>.</summary>
    private Size SizeOfFragment(string name, int level)
    {
        if (!fragments.TryGetValue(name, out var fragment))
            return default; // Unknown fragments are a validation error GraphQL.NET reports.
        if (!sizes.TryGetValue(name, out var size))
        {
            if (!counting.Add(name))
                throw Refuse("FRAGMENT_CYCLE", $"Fragment \"{name}\" spreads itself; fragments must not form cycles.");
            size = SizeOf(fragment.SelectionSet, level);
            counting.Remove(name);
            sizes[name] = size;
        }

        if (level + size.Nesting > MaxNesting)
            throw TooNested();
        return size;
    }

    private static RefusedException TooNested() =>
        Refuse("COMPLEXITY", $"Selections are nested more than {MaxNesting} levels deep (fragments expanded).");

    /// <summary>
    /// Counts the pairs of fields sharing a response name in each selection set, with fragments expanded and the
    /// sub-selections of same-named fields merged, as validation compares them. Runs only on documents whose expanded
    /// size is within MaxSelections, so it visits at most that many selections.
    /// </summary>
    private void CountOverlaps(List<GraphQLSelectionSet> sets)
    {
        var byResponseName = new Dictionary<string, List<GraphQLField>>();
        foreach (var set in sets)
            Collect(set, byResponseName);
        foreach (var fields in byResponseName.Values)
        {
            overlaps += (long)fields.Count * (fields.Count - 1) / 2;
            if (overlaps > limits.MaxFieldOverlaps)
            {
                var name = (fields[0].Alias?.Name ?? fields[0].Name).StringValue;
                throw Refuse("QUERY_TOO_LARGE",
                    $"Too many fields share a response name (\"{name}\" is selected {fields.Count} times in one selection set); give each field its own alias.");
            }

            var children = fields.Where(f => f.SelectionSet is not null).Select(f => f.SelectionSet!).ToList();
            if (children.Count > 0)
                CountOverlaps(children);
        }
    }

    private void Collect(GraphQLSelectionSet set, Dictionary<string, List<GraphQLField>> byResponseName)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = (field.Alias?.Name ?? field.Name).StringValue;
                    if (!byResponseName.TryGetValue(name, out var fields))
                        byResponseName[name] = fields = [];
                    fields.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, byResponseName);
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    Collect(fragment.SelectionSet, byResponseName);
                    break;
            }
        }
    }

    private static RefusedException Refuse(string code, string message) => new(code, message);

    /// <summary>Selections once expanded, levels of fields, levels of any selection (both below where it is used).</summary>
    private readonly record struct Size(long Selections, int FieldDepth, int Nesting);

    private sealed class RefusedException(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }
}
