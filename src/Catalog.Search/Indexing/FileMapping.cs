using System.IO.MemoryMappedFiles;

namespace Catalog.Search.Indexing;

/// <summary>
/// A whole index file mapped read-only, shared by the input that opened it, that input's clones and a compound
/// file's slices. Nothing unmaps it explicitly: Lucene never disposes clones, and a read through a pointer into
/// an unmapped view would crash the process, so the view's own handle unmaps it when its finalizer runs, which
/// is only once no input can reach this object any more. The price: a file Lucene deleted (a merged-away
/// segment) keeps its pages and disk space until a garbage collection finds its inputs unreachable.
/// </summary>
internal sealed unsafe class FileMapping
{
    /// <summary>Zero-length files cannot be mapped; their inputs never dereference <see cref="Start"/>.</summary>
    private static readonly FileMapping Empty = new(view: null, start: null, length: 0);

    // Held only so that the view's handle (and its finalizer, which unmaps) lives exactly as long as this object.
    private readonly MemoryMappedViewAccessor? view;

    private FileMapping(MemoryMappedViewAccessor? view, byte* start, long length)
    {
        this.view = view;
        Start = start;
        Length = length;
    }

    public byte* Start { get; }

    public long Length { get; }

    public static FileMapping Open(string file)
    {
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        if (length == 0)
            return Empty;

        // The mapping object and the file handle can go at once: the view keeps the file mapped by itself.
        using var mapped = MemoryMappedFile.CreateFromFile(handle, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = mapped.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        return new FileMapping(view, (byte*)view.SafeMemoryMappedViewHandle.DangerousGetHandle() + view.PointerOffset, length);
    }
}
