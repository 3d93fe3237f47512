using System.Globalization;
using System.Text;

namespace Catalog.Benchmarks.Reporting;

/// <summary>A results table printed as Markdown, so a run's output pastes straight into the README.</summary>
internal sealed class MarkdownTable(string title, params string[] headers)
{
    private readonly List<string[]> rows = [];

    public MarkdownTable Row(params object?[] cells)
    {
        rows.Add([.. cells.Select(Format)]);
        return this;
    }

    public void Print(TextWriter output)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder().AppendLine().Append("### ").AppendLine(title).AppendLine();
        text.AppendLine(Line(headers, widths));
        text.AppendLine(Line([.. widths.Select(w => new string('-', w))], widths));
        foreach (var row in rows)
            text.AppendLine(Line(row, widths));
        output.Write(text.ToString());
        output.Flush();
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);

    public static string Ratio(double catalog, double peer) =>
        peer <= 0 || catalog <= 0 ? "n/a" : (catalog / peer).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " MB";

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";

    private static string Format(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
