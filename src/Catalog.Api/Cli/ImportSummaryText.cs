using Catalog.Store.Import;

namespace Catalog.Api.Cli;

internal static class ImportSummaryText
{
    public static async Task WriteAsync(ImportSummary summary, bool dryRun, TextWriter output)
    {
        await output.WriteLineAsync(
            $"{(dryRun ? "dry run (rolled back): " : "")}inserted {summary.Inserted}, updated {summary.Updated}, skipped {summary.Skipped}, rejected {summary.Rejected.Count}, warnings {summary.Warnings.Count}");
        foreach (var issue in summary.Rejected)
            await output.WriteLineAsync($"  rejected record {issue.Record} {issue.Id ?? "-"} \"{issue.Name}\": {issue.Reason}");
        foreach (var issue in summary.Warnings)
            await output.WriteLineAsync($"  warning  record {issue.Record} {issue.Id ?? "-"} \"{issue.Name}\": {issue.Reason}");
    }
}
