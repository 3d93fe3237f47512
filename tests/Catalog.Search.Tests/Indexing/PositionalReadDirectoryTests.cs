using Catalog.Search.Indexing;
using CsCheck;
using Lucene.Net.Store;

namespace Catalog.Search.Tests.Indexing;

/// <summary>The positional-read inputs return exactly what Lucene's own NIOFS inputs return, whatever the reads.</summary>
public sealed class PositionalReadDirectoryTests : IDisposable
{
    private readonly string path = System.IO.Directory.CreateTempSubdirectory("catalog-positional-").FullName;

    /// <summary>A read: seek somewhere (or not), read some bytes or a variable-length number, maybe through a clone.</summary>
    private sealed record Read(int? SeekTo, int Bytes, bool VInt, bool ThroughClone);

    private static readonly Gen<Read> Reads =
        Gen.Select(Gen.Int[0, 20_000].Nullable(), Gen.Int[0, 9_000], Gen.Bool, Gen.Bool, (seek, bytes, vint, clone) => new Read(seek, bytes, vint, clone));

    public void Dispose() => System.IO.Directory.Delete(path, recursive: true);

    [Fact]
    public void Any_sequence_of_seeks_reads_and_clones_returns_the_same_bytes_as_NIOFS()
    {
        Gen.Byte.Array[0, 20_000].SelectMany(content => Reads.Array[1, 25].Select(reads => (content, reads))).Sample(
            sample =>
            {
                var file = Write(sample.content);
                using var ours = new PositionalReadDirectory(path);
                using var lucene = new NIOFSDirectory(path);
                Assert.Equal(Replay(lucene, file, sample.reads), Replay(ours, file, sample.reads));
            },
            iter: 300);
    }

    [Fact]
    public void A_slice_reads_only_its_range_and_ends_at_its_end()
    {
        var file = Write([.. Enumerable.Range(0, 10_000).Select(i => (byte)(i % 251))]);
        using var directory = new PositionalReadDirectory(path);
        using var slicer = directory.CreateSlicer(file, IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("middle", 5_000, 3_000);

        var bytes = new byte[3_000];
        slice.ReadBytes(bytes, 0, bytes.Length);

        Assert.Equal(3_000, slice.Length);
        Assert.Equal(Enumerable.Range(5_000, 3_000).Select(i => (byte)(i % 251)), bytes);
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
    }

    [Fact]
    public void Reading_past_the_end_of_a_file_is_an_end_of_stream_error()
    {
        var file = Write([1, 2, 3]);
        using var directory = new PositionalReadDirectory(path);
        using var input = directory.OpenInput(file, IOContext.DEFAULT);

        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[4], 0, 4));
    }

    [Fact]
    public void Closing_a_clone_leaves_the_original_readable()
    {
        var file = Write([.. Enumerable.Range(0, 9_000).Select(i => (byte)i)]);
        using var directory = new PositionalReadDirectory(path);
        using var input = directory.OpenInput(file, IOContext.DEFAULT);

        ((IndexInput)input.Clone()).Dispose();
        input.Seek(8_999);

        Assert.Equal((byte)(8_999 % 256), input.ReadByte());
    }

    /// <summary>A new file per call: CsCheck runs samples on several threads at once.</summary>
    private string Write(byte[] content)
    {
        var file = $"{Guid.NewGuid():N}.bin";
        using var directory = new NIOFSDirectory(path);
        using var output = directory.CreateOutput(file, IOContext.DEFAULT);
        output.WriteBytes(content, content.Length);
        return file;
    }

    /// <summary>What the reads return (bytes, numbers or the error), clones read and then closed like Lucene's readers do.</summary>
    private static List<string> Replay(Lucene.Net.Store.Directory directory, string file, Read[] reads)
    {
        var seen = new List<string>();
        using var input = directory.OpenInput(file, IOContext.DEFAULT);

        // Same buffer size for both, so that even where a read fails both have consumed the same bytes.
        ((BufferedIndexInput)input).SetBufferSize(PositionalReadDirectory.ReadBufferSize);
        foreach (var read in reads)
        {
            var target = read.ThroughClone ? (IndexInput)input.Clone() : input;
            try
            {
                if (read.SeekTo is int position)
                    target.Seek(Math.Min(position, input.Length));
                seen.Add(read.VInt ? target.ReadVInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : Convert.ToHexString(Bytes(target, read.Bytes)));
            }
            catch (Exception error) when (error is EndOfStreamException or IOException)
            {
                seen.Add(error.GetType().Name);
            }
            finally
            {
                seen.Add(target.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (read.ThroughClone)
                    target.Dispose();
            }
        }

        return seen;
    }

    private static byte[] Bytes(IndexInput input, int count)
    {
        var bytes = new byte[count];
        input.ReadBytes(bytes, 0, count);
        return bytes;
    }
}
