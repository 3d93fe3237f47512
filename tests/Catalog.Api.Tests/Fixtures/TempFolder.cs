using Microsoft.Data.Sqlite;

namespace Catalog.Api.Tests.Fixtures;

/// <summary>
/// A fresh folder under the temp path for one test (a data directory, input files), deleted on dispose after
/// SQLite's pooled connections let go of the store in it.
/// </summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
