using System.Runtime.CompilerServices;

namespace Catalog.Store.Import.Imdb;

/// <summary>
/// IMDb's title.basics.tsv, plain or .gz, merged with title.ratings.tsv[.gz] when it sits in the same
/// folder. IMDb's TSV has no quoting: a line is split on tabs only, so a stray '"' stays in its field.
/// Records are numbered by title.basics.tsv line, the header being line 1.
/// </summary>
public sealed class ImdbTsvSource : ITitleSource
{
    public string Format => "imdb-tsv";

    /// <summary>A .tsv or .tsv.gz file whose header starts with tconst, titleType; or a folder holding title.basics.tsv[.gz].</summary>
    public bool CanRead(string path)
    {
        var file = Directory.Exists(path) ? ImdbFiles.BasicsFile(path)
            : path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv.gz", StringComparison.OrdinalIgnoreCase) ? path
            : null;
        return file is not null && File.Exists(file) && ImdbFiles.HasHeader(ImdbFiles.FirstLine(file), ImdbFiles.BasicsSignature);
    }

    public async IAsyncEnumerable<SourceRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var basics = ImdbFiles.BasicsFile(path)
            ?? throw new ImportException($"{path}: no {ImdbFiles.Basics} or {ImdbFiles.Basics}.gz found.");
        using var reader = ImdbFiles.OpenText(basics);
        var header = await reader.ReadLineAsync(cancellationToken);
        if (!ImdbFiles.HasHeader(header, ImdbFiles.BasicsHeader))
            throw new ImportException($"{Path.GetFileName(basics)}: expected IMDb's title.basics header (tconst, titleType, primaryTitle, originalTitle, isAdult, startYear, endYear, runtimeMinutes, genres).");

        using var ratings = ImdbFiles.RatingsFile(path) is { } ratingsPath ? await ImdbRatings.OpenAsync(ratingsPath, cancellationToken) : null;
        var countRatingBytes = Directory.Exists(path);
        var line = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            var record = await ReadRecordAsync(line, text.TrimEnd('\r').Split('\t'), ratings, cancellationToken);

            // The engine's input length covers the ratings file only when it was given the folder.
            var position = ImdbFiles.BytesRead(reader) + (countRatingBytes ? ratings?.Position ?? 0 : 0);
            var problems = ratings?.TakeProblems() ?? [];
            yield return record with { Position = position, Warnings = [.. problems, .. record.Warnings] };
        }
    }

    private static async Task<SourceRecord> ReadRecordAsync(int line, string[] fields, ImdbRatings? ratings, CancellationToken cancellationToken)
    {
        var (key, kind, rejectReason, skipReason) = ImdbRecords.Identify(fields);
        if (rejectReason is not null || skipReason is not null)
        {
            return new SourceRecord
            {
                Record = line, Id = fields[0], Name = fields.Length > 2 ? fields[2] : null, RejectReason = rejectReason, SkipReason = skipReason,
            };
        }

        var rating = ratings is null ? null : await ratings.FindAsync(key, cancellationToken);
        return ImdbRecords.Build(line, fields, kind, rating, ratings?.FileName ?? ImdbFiles.Ratings);
    }
}
