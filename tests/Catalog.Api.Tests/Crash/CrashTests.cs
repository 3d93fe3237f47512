using System.Collections.Concurrent;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Crash;

/// <summary>
/// Real server processes killed with SIGKILL mid-import, mid-reindex and under a stream of reviews and
/// votes. After a restart every acknowledged write is present exactly once, SQLite's integrity check
/// passes and <c>catalog verify</c> finds the index equal to the store.
/// </summary>
[Collection(InProcessHostGroup.Name)]
public sealed class CrashTests
{
    private const int SeedTitles = 20;

    [Fact(Timeout = 300_000)]
    public async Task Acknowledged_reviews_and_votes_survive_a_sigkill_under_a_write_stream_exactly_once()
    {
        await using var sandbox = new CrashSandbox();
        await sandbox.ImportAsync(sandbox.WriteCatalog("seed.json", "seed", SeedTitles));
        await sandbox.StartServerAsync();

        var reviews = new ConcurrentBag<string>();
        var votes = new ConcurrentBag<(string Review, string Voter)>();
        var acknowledged = 0;
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Acknowledge()
        {
            if (Interlocked.Increment(ref acknowledged) >= 60)
                enough.TrySetResult();
        }

        async Task WriteUntilTheServerDiesAsync(int writer)
        {
            for (var n = 0; !sandbox.Server!.HasExited; n++)
            {
                var id = await sandbox.TrySubmitReviewAsync($"w{writer}-{n}", $"seed-{((writer * 7) + n) % SeedTitles}", 1 + (n % 10));
                if (id is null)
                    continue;
                reviews.Add(id);
                Acknowledge();
                var voter = $"v{writer}-{n}";
                if (await sandbox.TryVoteAsync(voter, id, helpful: n % 3 != 0))
                {
                    votes.Add((id, voter));
                    Acknowledge();
                }
            }
        }

        var writers = Enumerable.Range(0, 4).Select(WriteUntilTheServerDiesAsync).ToArray();
        await enough.Task.WaitAsync(CrashSandbox.Patience);
        sandbox.Server!.Kill();
        await Task.WhenAll(writers).WaitAsync(CrashSandbox.Patience);

        await sandbox.StartServerAsync();
        Assert.True(reviews.Count + votes.Count >= 60);
        foreach (var review in reviews)
            Assert.Equal(1, await sandbox.CountAsync("SELECT COUNT(*) FROM Reviews WHERE Id = $id", ("$id", review)));
        foreach (var (review, voter) in votes)
        {
            Assert.Equal(1, await sandbox.CountAsync(
                "SELECT COUNT(*) FROM ReviewVotes WHERE ReviewId = $r AND VoterId = $v", ("$r", review), ("$v", voter)));
        }

        await sandbox.StopAndCheckAsync();
    }

    [Fact(Timeout = 300_000)]
    public async Task A_sigkill_mid_import_leaves_the_store_as_before_with_every_acknowledged_write()
    {
        await using var sandbox = new CrashSandbox();
        await sandbox.ImportAsync(sandbox.WriteCatalog("seed.json", "seed", SeedTitles));
        await sandbox.StartServerAsync();
        var reviews = await AcknowledgedReviewsAsync(sandbox, 5);
        var large = sandbox.WriteCatalog("large.json", "large", 20_000);
        var wal = new FileInfo(sandbox.Database + "-wal");
        var before = wal.Exists ? wal.Length : 0;

        // The import is one transaction; once it has spilled a megabyte of pages into the WAL it is well under way.
        // It spills only with SQLite's small default page cache, not the import's own (Catalog:Store:ImportCacheMiB).
        var import = sandbox.Track(CatalogProcess.Start(
            new Dictionary<string, string> { ["Catalog__Store__ImportCacheMiB"] = "0" }, "import", large, "--data", sandbox.Data));
        await CrashSandbox.WaitForAsync(() => import.HasExited || Length(wal) > before + (1 << 20), "the import to write into the WAL", () => import.Output);
        Assert.False(import.HasExited, $"the import ended before it could be killed; make the generated file larger. Output:\n{import.Output}");
        import.Kill();
        sandbox.Server!.Kill();

        await sandbox.StartServerAsync();
        Assert.Equal(0, await sandbox.CountAsync("SELECT COUNT(*) FROM Titles WHERE Id LIKE 'large-%'"));
        Assert.Equal(SeedTitles, await sandbox.CountAsync("SELECT COUNT(*) FROM Titles"));
        foreach (var review in reviews)
            Assert.Equal(1, await sandbox.CountAsync("SELECT COUNT(*) FROM Reviews WHERE Id = $id", ("$id", review)));
        await sandbox.StopAndCheckAsync();
    }

    [Fact(Timeout = 300_000)]
    public async Task A_sigkill_mid_reindex_keeps_serving_the_previous_index_with_every_acknowledged_write()
    {
        await using var sandbox = new CrashSandbox();
        await sandbox.ImportAsync(sandbox.WriteCatalog("seed.json", "seed", 3_000));
        await sandbox.StartServerAsync();
        var reviews = await AcknowledgedReviewsAsync(sandbox, 5);
        var index = Path.Combine(sandbox.Data, "index");
        var served = (await File.ReadAllTextAsync(Path.Combine(index, "current"))).Trim();

        // Small pages make the build long enough to be caught in the act; a new generation folder with files is the build under way.
        var reindex = sandbox.Track(CatalogProcess.Start("reindex", "--data", sandbox.Data, "--Catalog:Search:BuildPageSize=5"));
        await CrashSandbox.WaitForAsync(
            () => reindex.HasExited || Directory.EnumerateDirectories(index).Any(d => Path.GetFileName(d) != served && Directory.EnumerateFiles(d).Any()),
            "the reindex to start writing a new generation", () => reindex.Output);
        Assert.False(reindex.HasExited, $"the reindex ended before it could be killed. Output:\n{reindex.Output}");
        reindex.Kill();
        sandbox.Server!.Kill();

        await sandbox.StartServerAsync();
        foreach (var review in reviews)
            Assert.Equal(1, await sandbox.CountAsync("SELECT COUNT(*) FROM Reviews WHERE Id = $id", ("$id", review)));
        await sandbox.StopAndCheckAsync();
    }

    private static async Task<List<string>> AcknowledgedReviewsAsync(CrashSandbox sandbox, int count)
    {
        var ids = new List<string>();
        for (var n = 0; n < count; n++)
        {
            var (id, failure) = await sandbox.SubmitReviewAsync($"early-{n}", $"seed-{n}", 8);
            ids.Add(id ?? throw new InvalidOperationException($"review {n} was not acknowledged: {failure}\nServer output:\n{sandbox.Server!.Output}"));
        }

        return ids;
    }

    private static long Length(FileInfo file)
    {
        file.Refresh();
        return file.Exists ? file.Length : 0;
    }
}
