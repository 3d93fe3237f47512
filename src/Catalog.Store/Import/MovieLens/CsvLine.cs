using System.Text;

namespace Catalog.Store.Import.MovieLens;

/// <summary>
/// Splits one physical line of RFC 4180 CSV: quoted fields may hold commas and doubled quotes.
/// A quoted field never continues onto the next line (MovieLens fields have no line breaks), so an
/// unbalanced quote costs exactly one row instead of swallowing the rows after it.
/// </summary>
internal static class CsvLine
{
    /// <returns>The fields, or null when a quoted field is not closed on this line.</returns>
    public static List<string>? Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i = ReadQuoted(line, i + 1, field);
                if (i < 0)
                    return null;
            }

            // Text after a closing quote (or an unquoted field) runs to the next comma, quotes included.
            var comma = line.IndexOf(',', i);
            var end = comma < 0 ? line.Length : comma;
            field.Append(line, i, end - i);
            fields.Add(field.ToString());
            if (comma < 0)
                return fields;
            i = comma + 1;
        }
    }

    /// <returns>The index just past the closing quote, or -1 when the line ends inside the quotes.</returns>
    private static int ReadQuoted(string line, int start, StringBuilder field)
    {
        var i = start;
        while (i < line.Length)
        {
            var quote = line.IndexOf('"', i);
            if (quote < 0)
                return -1;
            field.Append(line, i, quote - i);
            if (quote + 1 < line.Length && line[quote + 1] == '"')
            {
                field.Append('"');
                i = quote + 2;
                continue;
            }

            return quote + 1;
        }

        return -1;
    }
}
