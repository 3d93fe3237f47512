using System.Text;
using CsCheck;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>
/// GraphQL documents whose shape attacks validation and execution: fragment bombs, alias-conflict
/// amplification, fragment cycles, deep and wide documents. Every one fits under the 64 KB body limit.
/// </summary>
public static class HostileDocuments
{
    /// <summary>Room for a query in a 64 KB body, leaving space for the JSON around it.</summary>
    public const int MaxQueryChars = 64 * 1024 - 200;

    /// <summary>
    /// k named fragments, each spreading the previous one twice: 2^k fields once expanded, from a body of
    /// a few hundred bytes.
    /// </summary>
    public static Gen<string> FragmentBomb(FuzzTargets targets) =>
        Gen.Select(Gen.Int[1, 30], Gen.Int[0, 3], Gen.Int[1, 3], (k, variant, spreads) =>
        {
            var (type, root, leaf) = variant switch
            {
                0 => ("Title", $"title(id: \"{targets.TitleId}\")", "id name"),
                1 => ("Title", "search { nodes", "id year"),
                2 => ("Query", "", "__typename"),
                _ => ("Title", $"a: title(id: \"{targets.TitleId}\") {{ ...F{k} }} b: title(id: \"{targets.TitleId}\")", "id name"),
            };
            var document = new StringBuilder($"fragment F0 on {type} {{ {leaf} }}\n");
            for (var i = 1; i <= k; i++)
            {
                document.Append($"fragment F{i} on {type} {{");
                for (var s = 0; s < spreads + 1; s++)
                    document.Append($" ...F{i - 1}");
                document.Append(" }\n");
            }

            var closing = variant == 1 ? " } }" : " }";
            document.Append(root.Length == 0 ? $"{{ ...F{k} }}" : $"{{ {root} {{ ...F{k}{closing} }}");
            return document.ToString();
        });

    /// <summary>
    /// n fields under one alias with different arguments (n(n-1)/2 conflicts), at the top level or inside
    /// a subselection, or n identical fields (n(n-1)/2 comparisons, no error at all), up to what fits in the body.
    /// </summary>
    public static Gen<string> AliasConflicts(FuzzTargets targets) =>
        Gen.Select(Gen.Int[2, 21_000], Gen.Int[0, 5], (n, variant) =>
        {
            string Field(int i) => variant switch
            {
                0 => $"a:title(id:\"{i}\"){{id}} ",
                1 => $"a:search(first:{i % 100 + 1}){{totalCount}} ",
                2 => $"a:similar(first:{i}){{id}} ",
                3 => i % 2 == 0 ? $"a:name " : $"a:reviews(first:{i}){{totalCount}} ",
                4 => "id ",
                _ => "__typename ",
            };
            var (open, close) = variant is 2 or 3 or 4 ? ($"{{ title(id: \"{targets.TitleId}\") {{ ", "} }") : ("{ ", "}");
            var document = new StringBuilder(open);
            for (var i = 0; i < n && document.Length + 40 < MaxQueryChars; i++)
                document.Append(Field(i));
            return document.Append(close).ToString();
        });

    /// <summary>Fragments that spread each other in a cycle (used or not), spread themselves, or are never defined.</summary>
    public static Gen<string> FragmentCycles(FuzzTargets targets) =>
        Gen.Select(Gen.Int[1, 60], Gen.Int[0, 4], (length, variant) =>
        {
            var document = new StringBuilder();
            for (var i = 0; i < length; i++)
                document.Append($"fragment C{i} on Title {{ id ...C{(i + 1) % length} }}\n");
            document.Append(variant switch
            {
                0 => $"{{ title(id: \"{targets.TitleId}\") {{ ...C0 }} }}",
                1 => "{ __typename }",
                2 => $"{{ title(id: \"{targets.TitleId}\") {{ ...C0 ...Missing{length} }} }}",
                3 => $"{{ title(id: \"{targets.TitleId}\") {{ ... on Title {{ ... on Title {{ ...C{length - 1} }} }} }} }}",
                _ => $"fragment W on Query {{ ...C0 }} {{ ...W }}",
            });
            return document.ToString();
        });

    /// <summary>Deep nesting (selections, lists, input objects) and wide documents (fields, operations, directives, arguments).</summary>
    public static Gen<string> DeepOrWide(FuzzTargets targets) =>
        Gen.Select(Gen.Int[1, 6_000], Gen.Int[0, 8], (n, variant) => variant switch
        {
            0 => Nest($"{{ title(id: \"{targets.TitleId}\") ", "{ similar(first: 2) ", "{ id }", n, " }"),
            1 => Nest("{ ", "a { ", "b", n, " }"),
            2 => $"{{ search(filter: {{ tags: {Nest("", "[", "\"x\"", n, "]")} }}) {{ totalCount }} }}",
            3 => $"{{ search(filter: {Nest("", "{ released: ", "{}", n, " }")}) {{ totalCount }} }}",
            4 => Repeat("{ ", "__typename ", n, "}"),
            5 => Repeat("", $"query Q{{0}} {{{{ __typename }}}} ", Math.Min(n, 2_000), "", numbered: true),
            6 => Repeat("{ __typename", " @skip(if: false)", n, " }"),
            7 => Repeat($"{{ title(id: \"{targets.TitleId}\"", ", id: \"x\"", n, ") { id } }"),
            _ => Repeat("query(", "$v{0}: Int, ", Math.Min(n, 2_000), ") { __typename }", numbered: true),
        });

    private static string Nest(string prefix, string open, string inner, int depth, string close)
    {
        var unit = open.Length + close.Length;
        depth = Math.Min(depth, Math.Max(1, (MaxQueryChars - prefix.Length - inner.Length - 40) / unit));
        var text = new StringBuilder(prefix);
        for (var i = 0; i < depth; i++)
            text.Append(open);
        text.Append(inner);
        for (var i = 0; i < depth; i++)
            text.Append(close);
        return text.Append(prefix.Length > 0 ? " }" : "").ToString();
    }

    private static string Repeat(string prefix, string unit, int count, string suffix, bool numbered = false)
    {
        var text = new StringBuilder(prefix);
        for (var i = 0; i < count && text.Length + unit.Length + suffix.Length + 10 < MaxQueryChars; i++)
            text.Append(numbered ? string.Format(System.Globalization.CultureInfo.InvariantCulture, unit, i) : unit);
        return text.Append(suffix).ToString();
    }
}
