using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Catalog.Store;
using Catalog.Store.Insights;

namespace Catalog.Api.Cli;

/// <summary><c>catalog insights --from --to [--first] [--json]</c>: the searchInsights report of the store, as tables or JSON.</summary>
internal static class InsightsVerb
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Command Create(Option<string?> data, TextWriter output)
    {
        var from = new Option<DateOnly>("--from") { Description = "First UTC day, YYYY-MM-DD.", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last UTC day, YYYY-MM-DD (included).", Required = true };
        var first = new Option<int>("--first") { Description = "Rows per query table (1 to 100).", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (the searchInsights shape)." };
        var command = new Command("insights", "What viewers searched for: top, zero-result and unclicked queries, click-through, latency, per day.")
            { from, to, first, json };
        command.SetAction(async (parse, ct) =>
        {
            var (start, end, rows) = (parse.GetValue(from), parse.GetValue(to), parse.GetValue(first));
            var problem = InsightsReport.RangeProblem(start, end) ?? (rows is < 1 or > 100 ? $"--first must be between 1 and 100 (got {rows})." : null);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"insights: {problem}");
                return 2;
            }

            using var host = await VerbHost.StartAsync(CatalogCli.Common(parse, data), ct);
            await using var db = host.Services.GetRequiredService<ICatalogDbFactory>().Create();
            var report = await InsightsReport.ComputeAsync(db, start, end, rows, ct);
            if (parse.GetValue(json))
                await output.WriteLineAsync(JsonSerializer.Serialize(report, ReportJson));
            else
                await WriteTablesAsync(report, output);
            return 0;
        });
        return command;
    }

    private static async Task WriteTablesAsync(SearchInsightsReport report, TextWriter output)
    {
        await output.WriteLineAsync($"search insights {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}");
        await output.WriteLineAsync($"  {Totals(report.Totals)}");
        await WriteQueriesAsync(output, "top queries", report.TopQueries);
        await WriteQueriesAsync(output, "zero-result queries", report.ZeroResultQueries);
        await WriteQueriesAsync(output, "queries with results but no clicks", report.NoClickQueries);
        await output.WriteLineAsync($"per day ({report.Days.Count}):");
        foreach (var day in report.Days)
            await output.WriteLineAsync($"  {day.Day:yyyy-MM-dd}  {Totals(day.Totals)}");
    }

    private static string Totals(SearchTotals t) => string.Create(CultureInfo.InvariantCulture,
        $"searches {t.Searches}, zero-result {t.ZeroResultSearches}, corrected {t.CorrectedSearches}, clicks {t.Clicks}, CTR {t.ClickThroughRate:P1}, MRR {t.MeanReciprocalRank:F3}, latency p50 {t.LatencyP50Ms:F1} ms p95 {t.LatencyP95Ms:F1} ms");

    private static async Task WriteQueriesAsync(TextWriter output, string heading, IReadOnlyList<QueryInsight> queries)
    {
        await output.WriteLineAsync($"{heading} ({queries.Count}):");
        await output.WriteLineAsync($"  {"searches",8}  {"zero",6}  {"clicked",7}  {"last seen",-20}  query");
        foreach (var q in queries)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {q.Searches,8}  {q.ZeroResultSearches,6}  {q.ClickedSearches,7}  {q.LastSeen,-20:yyyy-MM-dd HH:mm:ss}  {q.Query}"));
    }
}
