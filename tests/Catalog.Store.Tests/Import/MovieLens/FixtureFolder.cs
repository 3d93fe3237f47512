using System.IO.Compression;
using System.Text;
using Catalog.Store.Import;

namespace Catalog.Store.Tests.Import.MovieLens;

/// <summary>A temp folder of small input files for the import sources, deleted on dispose.</summary>
public sealed class FixtureFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("catalog-import-").FullName;

    /// <summary>Writes <paramref name="lines"/> joined with '\n' (and a final newline) as UTF-8.</summary>
    public string Write(string name, params string[] lines)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    public string WriteGzip(string name, params string[] lines)
    {
        var path = System.IO.Path.Combine(Path, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        return path;
    }

    public static async Task<List<SourceRecord>> ReadAllAsync(ITitleSource source, string path)
    {
        var records = new List<SourceRecord>();
        await foreach (var record in source.ReadAsync(path))
            records.Add(record);
        return records;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
