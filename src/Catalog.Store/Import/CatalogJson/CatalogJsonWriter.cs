using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Catalog.Core.Titles;

namespace Catalog.Store.Import.CatalogJson;

/// <summary>
/// Writes titles as a catalog-json document, one title per line so diffs stay readable. Null and
/// empty values are left out (absent means "not provided", which imports as the default).
/// </summary>
public static class CatalogJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<Title> titles, DateTime? asOf = null, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var header = new Utf8JsonWriter(buffer, Options))
        {
            header.WriteStartObject();
            header.WriteString(CatalogJsonFormat.FormatProperty, CatalogJsonFormat.Name);
            header.WriteNumber(CatalogJsonFormat.VersionProperty, CatalogJsonFormat.Version);
            if (asOf is { } instant)
                header.WriteString(CatalogJsonFormat.AsOfProperty, CatalogJsonFormat.InstantText(instant));
            header.WritePropertyName(CatalogJsonFormat.TitlesProperty);
            header.Flush();
        }

        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await output.WriteAsync("["u8.ToArray(), cancellationToken);
        var separator = "\n  "u8.ToArray();
        await foreach (var title in titles.WithCancellation(cancellationToken))
        {
            await output.WriteAsync(separator, cancellationToken);
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, Options))
                WriteTitle(writer, title);
            await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
            separator = ",\n  "u8.ToArray();
        }

        await output.WriteAsync("\n]}\n"u8.ToArray(), cancellationToken);
    }

    public static void WriteTitle(Utf8JsonWriter writer, Title title)
    {
        writer.WriteStartObject();
        writer.WriteString("id", title.Id);
        writer.WriteString("kind", CatalogJsonFormat.EnumText(title.Kind));
        writer.WriteString("name", title.Name);
        OptionalString(writer, "originalName", title.OriginalName);
        Strings(writer, "alternateNames", title.AlternateNames);
        OptionalString(writer, "synopsis", title.Synopsis);
        if (title.ReleaseYear is not null)
            writer.WriteString("releaseDate", CatalogJsonFormat.ReleaseText(title));
        writer.WriteString("addedAt", CatalogJsonFormat.InstantText(title.AddedAt));
        if (title.AvailableUntil is { } until)
            writer.WriteString("availableUntil", CatalogJsonFormat.InstantText(until));
        if (title.RuntimeMinutes is { } runtime)
            writer.WriteNumber("runtimeMinutes", runtime);
        OptionalString(writer, "contentRating", title.ContentRating);
        Strings(writer, "languages", title.Languages);
        Strings(writer, "countries", title.Countries);
        Strings(writer, "genres", title.Genres);
        Strings(writer, "tags", title.Tags);
        Strings(writer, "directors", title.Directors);
        Strings(writer, "cast", title.Cast);
        OptionalString(writer, "imdbId", title.ImdbId);
        OptionalString(writer, "tmdbId", title.TmdbId);
        // Imported votes only: reviews are not part of the format, and importing the file back must not count them twice.
        if (title.ImportedRatingCount > 0)
        {
            writer.WriteStartObject("rating");
            writer.WriteNumber("sum", title.ImportedRatingSum);
            writer.WriteNumber("count", title.ImportedRatingCount);
            writer.WriteEndObject();
        }

        if (title.Trailers.Count > 0)
        {
            writer.WriteStartArray("trailers");
            foreach (var trailer in title.Trailers.OrderBy(t => t.Id, StringComparer.Ordinal))
                WriteTrailer(writer, trailer);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>The document as a string (tests, small exports).</summary>
    public static async Task<string> ToStringAsync(IEnumerable<Title> titles, DateTime? asOf = null)
    {
        using var output = new MemoryStream();
        await WriteAsync(output, titles.ToAsyncEnumerable(), asOf);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static void WriteTrailer(Utf8JsonWriter writer, Trailer trailer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", trailer.Id);
        writer.WriteString("url", trailer.Url);
        OptionalString(writer, "embedUrl", trailer.EmbedUrl);
        writer.WriteString("site", CatalogJsonFormat.EnumText(trailer.Site));
        writer.WriteString("kind", CatalogJsonFormat.EnumText(trailer.Kind));
        OptionalString(writer, "language", trailer.Language);
        writer.WriteEndObject();
    }

    private static void OptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }

    private static void Strings(Utf8JsonWriter writer, string name, List<string> values)
    {
        if (values.Count == 0)
            return;
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
