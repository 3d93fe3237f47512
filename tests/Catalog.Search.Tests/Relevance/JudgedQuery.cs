namespace Catalog.Search.Tests.Relevance;

/// <summary>One line of judgments.tsv: a query a viewer types, its category and the grade of each title it means.</summary>
public sealed record JudgedQuery(string Text, string Category, IReadOnlyDictionary<string, int> Grades)
{
    /// <summary>The highest grade of the query: the rank of the first title holding it gives the reciprocal rank.</summary>
    public int TopGrade => Grades.Values.Max();

    public int GradeOf(string titleId) => Grades.GetValueOrDefault(titleId);

    /// <summary>Reads a judgments file: tab-separated query, category, <c>titleId=grade</c> list; '#' starts a comment line.</summary>
    public static IReadOnlyList<JudgedQuery> ReadAll(string path) =>
        [.. File.ReadLines(path)
            .Select((line, index) => (Line: line, Number: index + 1))
            .Where(l => l.Line.Length > 0 && !l.Line.StartsWith('#'))
            .Select(l => Parse(l.Line, $"{path}:{l.Number}"))];

    private static JudgedQuery Parse(string line, string where)
    {
        var columns = line.Split('\t');
        if (columns.Length != 3)
            throw new FormatException($"{where}: expected query, category and judgments separated by tabs");
        var grades = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var judgment in columns[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = judgment.LastIndexOf('=');
            if (separator <= 0 || !int.TryParse(judgment.AsSpan(separator + 1), out var grade) || grade is < 1 or > 3
                || !grades.TryAdd(judgment[..separator], grade))
                throw new FormatException($"{where}: '{judgment}' is not a new titleId=grade with grade 1, 2 or 3");
        }

        return grades.Count == 0
            ? throw new FormatException($"{where}: a query needs at least one judged title")
            : new JudgedQuery(columns[0], columns[1], grades);
    }
}
