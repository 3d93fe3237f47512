using System.Collections.Concurrent;
using Catalog.Core.Search;
using Microsoft.Extensions.Logging;

namespace Catalog.Search.Indexing;

/// <summary>
/// Runs full rebuilds in the background, one at a time: starting while one runs returns the running job.
/// Jobs are remembered for the life of the process so their final state can be read back.
/// </summary>
public sealed partial class ReindexJobs(CatalogIndex index, TimeProvider clock, ILogger<ReindexJobs> logger) : IReindexJobs, IDisposable
{
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, Job> jobs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private Job? running;
    private int disposed;

    public ReindexJobStatus Start()
    {
        lock (gate)
        {
            if (running is { IsFinished: false })
                return running.Status;
            var job = new Job($"reindex-{Guid.NewGuid():N}", clock.GetUtcNow());
            jobs[job.Id] = job;
            running = job;
            job.Completion = Task.Run(() => RunAsync(job));
            return job.Status;
        }
    }

    public ReindexJobStatus? Find(string id) => jobs.TryGetValue(id, out var job) ? job.Status : null;

    /// <summary>Completes when the job has finished (tests, the CLI); never throws for a failed job.</summary>
    public Task WhenFinishedAsync(string id) => jobs.TryGetValue(id, out var job) ? job.Completion : Task.CompletedTask;

    /// <summary>Cancels a running build and waits for it to clean up (the container may dispose this twice).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        stopping.Cancel();
        running?.Completion.Wait(TimeSpan.FromSeconds(30));
        stopping.Dispose();
    }

    private async Task RunAsync(Job job)
    {
        try
        {
            job.Update(ReindexState.Running, 0, 0);
            var progress = new SynchronousProgress(p => job.Update(ReindexState.Running, p.Processed, p.Total));
            var result = await index.RebuildAsync(progress, stopping.Token);
            job.Finish(ReindexState.Succeeded, clock.GetUtcNow(), null, result.Titles);
        }
        catch (Exception e)
        {
            LogFailed(e, job.Id);
            job.Finish(ReindexState.Failed, clock.GetUtcNow(), e.Message, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reindex job {JobId} failed")]
    private partial void LogFailed(Exception exception, string jobId);

    /// <summary>Reports on the building thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<IndexBuildProgress> report) : IProgress<IndexBuildProgress>
    {
        public void Report(IndexBuildProgress value) => report(value);
    }

    private sealed class Job(string id, DateTimeOffset startedAt)
    {
        private readonly Lock gate = new();
        private ReindexJobStatus status = new(id, ReindexState.Queued, 0, 0, 0, startedAt, null, null);

        public string Id => id;

        public Task Completion { get; set; } = Task.CompletedTask;

        public ReindexJobStatus Status
        {
            get
            {
                lock (gate)
                    return status;
            }
        }

        public bool IsFinished => Status.State is ReindexState.Succeeded or ReindexState.Failed;

        public void Update(ReindexState state, long processed, long total)
        {
            lock (gate)
                status = status with { State = state, Processed = processed, Total = total, Progress = total > 0 ? (double)processed / total : 0 };
        }

        public void Finish(ReindexState state, DateTimeOffset finishedAt, string? error, long? titles)
        {
            lock (gate)
            {
                var processed = titles ?? status.Processed;
                var total = titles ?? status.Total;
                status = status with
                {
                    State = state, FinishedAt = finishedAt, Error = error, Processed = processed, Total = total,
                    Progress = state == ReindexState.Succeeded ? 1 : status.Progress,
                };
            }
        }
    }
}
