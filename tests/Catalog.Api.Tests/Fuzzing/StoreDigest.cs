using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>
/// A hash of every row of every table of the SQLite store (titles, trailers, reviews, votes, change log),
/// read straight from the file, so a test can tell whether a request changed anything.
/// </summary>
public sealed class StoreDigest(string path)
{
    public string Compute()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in Tables(connection))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(table + "\u0001"));
            using var rows = Command(connection, $"SELECT * FROM \"{table}\" ORDER BY rowid").ExecuteReader();
            while (rows.Read())
            {
                for (var i = 0; i < rows.FieldCount; i++)
                    hash.AppendData(Encoding.UTF8.GetBytes((rows.IsDBNull(i) ? "\u0000" : Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u0002"));
                hash.AppendData("\u0003"u8);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Review bodies and trailer URLs as stored, for checks on what writes may leave behind.</summary>
    public IReadOnlyList<string> StoredText()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        var text = new List<string>();
        foreach (var query in new[] { "SELECT Body FROM Reviews", "SELECT Url FROM Trailers" })
        {
            using var rows = Command(connection, query).ExecuteReader();
            while (rows.Read())
                text.Add(rows.GetString(0));
        }

        return text;
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var rows = Command(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name").ExecuteReader();
        var tables = new List<string>();
        while (rows.Read())
            tables.Add(rows.GetString(0));
        return tables;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from sqlite_master, not from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }
}
