using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Catalog.Search.Indexing;

/// <summary>
/// The index folder: one sub-folder per generation (<c>index/g…</c>) and a pointer file
/// (<c>index/current</c>) naming the generation to serve. The pointer is replaced atomically and only
/// ever names a committed generation, so a crash at any moment leaves a servable index behind.
/// </summary>
public sealed class IndexLayout(string root)
{
    public const string PointerFile = "current";

    public string Root { get; } = Path.GetFullPath(root);

    public static IndexLayout InDataDirectory(string dataDirectory) => new(Path.Combine(dataDirectory, "index"));

    public string PathOf(string generation) => Path.Combine(Root, generation);

    /// <summary>The generation the pointer names, or null when there is no pointer or it names no folder.</summary>
    public string? ReadPointer()
    {
        var pointer = Path.Combine(Root, PointerFile);
        if (!File.Exists(pointer))
            return null;
        var generation = File.ReadAllText(pointer).Trim();
        return IsGenerationName(generation) && System.IO.Directory.Exists(PathOf(generation)) ? generation : null;
    }

    /// <summary>Points at <paramref name="generation"/>: write a temp file, flush it to disk, rename it over the pointer.</summary>
    public void WritePointer(string generation)
    {
        var temp = Path.Combine(Root, $"{PointerFile}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(generation);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(Root, PointerFile), overwrite: true);
    }

    /// <summary>A new, unused generation folder name; names sort by creation time.</summary>
    public string NewGeneration()
    {
        System.IO.Directory.CreateDirectory(Root);
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        return $"g{stamp}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>
    /// Deletes generation folders other than <paramref name="keep"/> (and stray pointer temp files) that
    /// are not in use: half-built ones from a crash, old ones nobody serves. A folder written to within
    /// <paramref name="quietFor"/> may be a build running in another process (write locks are not reliably
    /// visible across processes), so it survives until a later start.
    /// </summary>
    public IReadOnlyList<string> DeleteUnused(string? keep, TimeSpan quietFor)
    {
        if (!System.IO.Directory.Exists(Root))
            return [];
        foreach (var temp in System.IO.Directory.EnumerateFiles(Root, $"{PointerFile}.*.tmp"))
            File.Delete(temp);
        var deleted = new List<string>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            if (name != keep && IsGenerationName(name) && IsQuiet(folder, quietFor) && IsUnlocked(folder) && TryDelete(folder))
                deleted.Add(name);
        }

        return deleted;
    }

    public static bool TryDelete(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsGenerationName(string name) =>
        name.Length > 1 && name[0] == 'g' && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static bool IsQuiet(string folder, TimeSpan quietFor)
    {
        var since = DateTime.UtcNow - quietFor;
        var info = new DirectoryInfo(folder);
        return info.LastWriteTimeUtc < since && info.EnumerateFiles().All(f => f.LastWriteTimeUtc < since);
    }

    private static bool IsUnlocked(string folder)
    {
        using var directory = new MappedFileDirectory(folder);
        using var writeLock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME);
        return writeLock.Obtain();
    }
}
