using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>
/// A hash of every row of every table of the SQLite store (titles, trailers, reviews, votes, change log),
/// read straight from the file, so a test can tell whether a request changed anything. The search-insights tables
/// are left out: every search adds to them, in the background.
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

    /// <summary>The non-null values of one text column, e.g. review bodies or trailer URLs as stored.</summary>
    public IReadOnlyList<string> Column(string table, string column)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var rows = Command(connection, $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL").ExecuteReader();
        var values = new List<string>();
        while (rows.Read())
            values.Add(rows.GetString(0));
        return values;
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var rows = Command(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' AND name NOT IN ('SearchEvents', 'SearchClicks') ORDER BY name").ExecuteReader();
        var tables = new List<string>();
        while (rows.Read())
            tables.Add(rows.GetString(0));
        return tables;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Table and column names come from sqlite_master and the tests, not from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }
}
