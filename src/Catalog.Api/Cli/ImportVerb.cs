using System.CommandLine;
using System.Text.Json;
using Catalog.Store.Import;
using Spectre.Console;

namespace Catalog.Api.Cli;

/// <summary><c>catalog import PATH [--format …] [--dry-run] [--json]</c>.</summary>
internal static class ImportVerb
{
    private static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.Web);

    public static Command Create(Option<string?> data, TextWriter output)
    {
        var path = new Argument<string>("path") { Description = "File or folder to import." };
        var format = new Option<string>("--format") { Description = "auto, catalog-json, vega-movies, movielens or imdb-tsv.", DefaultValueFactory = _ => "auto" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and count, then roll back." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("import", "Import titles into the store (idempotent, transactional).") { path, format, dryRun, json };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await VerbHost.StartAsync(CatalogCli.Common(parse, data), ct);
            var importer = host.Services.GetRequiredService<TitleImporter>();
            var options = new ImportOptions(parse.GetValue(format) ?? "auto", parse.GetValue(dryRun));
            ImportSummary summary;
            try
            {
                summary = await ImportWithProgressAsync(importer, parse.GetValue(path)!, options, ct);
            }
            catch (ImportException e)
            {
                await Console.Error.WriteLineAsync($"import failed: {e.Message}");
                return 2;
            }

            if (parse.GetValue(json))
                await output.WriteLineAsync(JsonSerializer.Serialize(summary, SummaryJson));
            else
                await ImportSummaryText.WriteAsync(summary, options.DryRun, output);
            return 0;
        });
        return command;
    }

    private static async Task<ImportSummary> ImportWithProgressAsync(TitleImporter importer, string path, ImportOptions options, CancellationToken ct)
    {
        if (Console.IsErrorRedirected)
            return await importer.ImportAsync(path, options, null, ct);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask($"importing {Path.GetFileName(path)}");
            var progress = new Progress<ImportProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.Length);
                task.Value = p.Position;
                task.Description = $"importing {Path.GetFileName(path)} ({p.Records:N0} records)";
            });
            var summary = await importer.ImportAsync(path, options, progress, ct);
            task.Value = task.MaxValue;
            return summary;
        });
    }
}
