using System.Globalization;
using System.Runtime.CompilerServices;
using Catalog.Search.Indexing;
using CsCheck;
using Lucene.Net.Store;

namespace Catalog.Search.Tests.Indexing;

/// <summary>
/// The memory-mapped inputs return exactly what Lucene's own NIOFS inputs return, whatever the reads, and a view
/// is unmapped only once no input can reach it.
/// </summary>
public sealed class MappedFileDirectoryTests : IDisposable
{
    private readonly string path = System.IO.Directory.CreateTempSubdirectory("catalog-mapped-").FullName;

    public enum Op
    {
        Bytes,
        Skip,
        Int16,
        Int32,
        Int64,
        VInt32,
        VInt64,
    }

    /// <summary>A read: seek somewhere (or not), then read or skip some bytes or a number, maybe through a clone.</summary>
    public sealed record Read(int? SeekTo, Op Op, int Bytes, bool ThroughClone);

    /// <summary>Where a compound file's slice starts and how long it is, as fractions of the file.</summary>
    public sealed record Slice(double Start, double Length);

    private static readonly Gen<Read> Reads =
        Gen.Select(Gen.Int[0, 20_000].Nullable(), Gen.Enum<Op>(), Gen.Int[0, 9_000], Gen.Bool, (seek, op, bytes, clone) => new Read(seek, op, bytes, clone));

    private static readonly Gen<Slice?> Slices =
        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], (start, length) => new Slice(start, length)).Null(0.5);

    public void Dispose() => System.IO.Directory.Delete(path, recursive: true);

    [Fact]
    public void Any_sequence_of_seeks_reads_clones_and_slices_returns_the_same_as_NIOFS()
    {
        Gen.Select(Gen.Byte.Array[0, 20_000], Slices, Reads.Array[1, 25]).Sample(
            (content, slice, reads) =>
            {
                var file = Write(content);
                using var ours = new MappedFileDirectory(path);
                using var lucene = new NIOFSDirectory(path);
                Assert.Equal(Replay(lucene, file, slice, reads), Replay(ours, file, slice, reads));
            },
            iter: 300);
    }

    [Fact]
    public void A_slice_reads_only_its_range_and_ends_at_its_end()
    {
        var file = Write([.. Enumerable.Range(0, 10_000).Select(i => (byte)(i % 251))]);
        using var directory = new MappedFileDirectory(path);
        using var slicer = directory.CreateSlicer(file, IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("middle", 5_000, 3_000);

        var bytes = new byte[3_000];
        slice.ReadBytes(bytes, 0, bytes.Length);

        Assert.Equal(3_000, slice.Length);
        Assert.Equal(Enumerable.Range(5_000, 3_000).Select(i => (byte)(i % 251)), bytes);
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.Throws<ArgumentOutOfRangeException>(() => slicer.OpenSlice("beyond", 9_000, 1_001));
    }

    [Fact]
    public void An_empty_file_opens_and_every_read_is_an_end_of_stream_error()
    {
        var file = Write([]);
        using var directory = new MappedFileDirectory(path);
        using var input = directory.OpenInput(file, IOContext.DEFAULT);
        using var clone = (IndexInput)input.Clone();

        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => clone.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => input.Seek(1));
    }

    [Fact]
    public void A_disposed_input_refuses_reads_and_its_clones_stay_readable()
    {
        var file = Write([.. Enumerable.Range(0, 9_000).Select(i => (byte)i)]);
        using var directory = new MappedFileDirectory(path);
        var input = directory.OpenInput(file, IOContext.DEFAULT);
        using var clone = (IndexInput)input.Clone();

        input.Dispose();
        clone.Seek(8_999);

        Assert.Throws<ObjectDisposedException>(() => input.ReadByte());
        Assert.Equal((byte)(8_999 % 256), clone.ReadByte());
    }

    [Fact]
    public void Reading_into_a_range_the_array_lacks_is_refused_without_moving_the_position()
    {
        var file = Write([1, 2, 3, 4]);
        using var directory = new MappedFileDirectory(path);
        using var input = directory.OpenInput(file, IOContext.DEFAULT);

        Assert.Throws<ArgumentOutOfRangeException>(() => input.ReadBytes(new byte[2], 1, 2));
        Assert.Equal(0, input.Position);
    }

    [SkippableFact]
    public void Clones_and_slices_read_after_their_originals_are_disposed_and_collected_and_the_view_goes_with_the_last_of_them()
    {
        Skip.IfNot(File.Exists("/proc/self/maps"), "needs Linux's list of the process's mappings");
        var plain = Write([.. Enumerable.Range(0, 9_000).Select(i => (byte)i)]);
        var compound = Write([.. Enumerable.Range(0, 9_000).Select(i => (byte)(i % 7))]);
        using var directory = new MappedFileDirectory(path);

        ReadThroughClonesOfCollectedOriginals(directory, plain, compound);
        Collect();

        Assert.False(IsMapped(plain) || IsMapped(compound));
    }

    /// <summary>Not inlined, and so are the originals' lifetimes: the caller's collection sees every input unreachable.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReadThroughClonesOfCollectedOriginals(MappedFileDirectory directory, string plain, string compound)
    {
        var (clone, slice) = CloneAndSliceOfDisposedOriginals(directory, plain, compound);
        Collect();

        clone.Seek(8_999);
        Assert.Equal((byte)(8_999 % 256), clone.ReadByte());
        Assert.Equal((byte)(5_000 % 7), slice.ReadByte());
        Assert.True(IsMapped(plain) && IsMapped(compound));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (IndexInput Clone, IndexInput Slice) CloneAndSliceOfDisposedOriginals(MappedFileDirectory directory, string plain, string compound)
    {
        using var input = directory.OpenInput(plain, IOContext.DEFAULT);
        using var slicer = directory.CreateSlicer(compound, IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("middle", 5_000, 3_000);
        return ((IndexInput)input.Clone(), (IndexInput)slice.Clone());
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private bool IsMapped(string file) => File.ReadLines("/proc/self/maps").Any(line => line.EndsWith(Path.Combine(path, file), StringComparison.Ordinal));

    /// <summary>A new file per call: CsCheck runs samples on several threads at once.</summary>
    private string Write(byte[] content)
    {
        var file = $"{Guid.NewGuid():N}.bin";
        using var directory = new NIOFSDirectory(path);
        using var output = directory.CreateOutput(file, IOContext.DEFAULT);
        output.WriteBytes(content, content.Length);
        return file;
    }

    /// <summary>
    /// What the reads return (bytes, numbers or the error) from the file or a slice of it, clones read and then
    /// closed like Lucene's readers do. Where an input stands after a failed read is unspecified, so a failed
    /// read is followed by a seek to the start.
    /// </summary>
    private static List<string> Replay(Lucene.Net.Store.Directory directory, string file, Slice? slice, Read[] reads)
    {
        var seen = new List<string>();
        using var slicer = directory.CreateSlicer(file, IOContext.DEFAULT);
        var fileLength = directory.FileLength(file);
        var start = (long)(fileLength * (slice?.Start ?? 0));
        using var input = slice is null ? directory.OpenInput(file, IOContext.DEFAULT) : slicer.OpenSlice("slice", start, (long)((fileLength - start) * slice.Length));
        foreach (var read in reads)
        {
            var target = read.ThroughClone ? (IndexInput)input.Clone() : input;
            try
            {
                if (read.SeekTo is int position)
                    target.Seek(Math.Min(position, input.Length));
                seen.Add(Apply(target, read));
                seen.Add(target.Position.ToString(CultureInfo.InvariantCulture));
            }
            catch (Exception error) when (error is EndOfStreamException or IOException)
            {
                seen.Add(error.GetType().Name);
                target.Seek(0);
            }
            finally
            {
                if (read.ThroughClone)
                    target.Dispose();
            }
        }

        return seen;
    }

    private static string Apply(IndexInput input, Read read)
    {
        switch (read.Op)
        {
            case Op.Bytes:
                var bytes = new byte[read.Bytes];
                input.ReadBytes(bytes, 0, bytes.Length);
                return Convert.ToHexString(bytes);
            case Op.Skip:
                input.SkipBytes(read.Bytes);
                return "skipped";
            case Op.Int16:
                return input.ReadInt16().ToString(CultureInfo.InvariantCulture);
            case Op.Int32:
                return input.ReadInt32().ToString(CultureInfo.InvariantCulture);
            case Op.Int64:
                return input.ReadInt64().ToString(CultureInfo.InvariantCulture);
            case Op.VInt32:
                return input.ReadVInt32().ToString(CultureInfo.InvariantCulture);
            default:
                return input.ReadVInt64().ToString(CultureInfo.InvariantCulture);
        }
    }
}
