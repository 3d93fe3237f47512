using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Catalog.Store.Import.CatalogJson;

/// <summary>
/// The project's own format: <c>{"format":"catalog-json","version":1,"asOf":…,"titles":[…]}</c> or a
/// bare array of title objects; streamed element by element.
/// </summary>
public sealed class CatalogJsonSource : ITitleSource
{
    public string Format => CatalogJsonFormat.Name;

    public bool CanRead(string path) => JsonSniffer.Sniff(path) switch
    {
        { Root: JsonTokenType.StartObject, Format: var format } => format == CatalogJsonFormat.Name,
        { Root: JsonTokenType.StartArray, FirstRecordProperties: var properties } => properties.Contains("id") && properties.Contains("name"),
        _ => false,
    };

    public async IAsyncEnumerable<SourceRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await foreach (var element in JsonArrayReader.ReadAsync(file, CatalogJsonFormat.TitlesProperty, CheckEnvelope, cancellationToken))
            yield return CatalogJsonTitleReader.Read(element);
    }

    /// <summary>A document that names another format or a newer version is refused as a whole.</summary>
    private static void CheckEnvelope(string property, JsonElement value)
    {
        if (property == CatalogJsonFormat.FormatProperty && !(value.ValueKind == JsonValueKind.String && value.GetString() == CatalogJsonFormat.Name))
            throw new ImportException($"\"format\" is {value.GetRawText()}, expected \"{CatalogJsonFormat.Name}\".");
        if (property == CatalogJsonFormat.VersionProperty && !(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var version) && version == CatalogJsonFormat.Version))
            throw new ImportException($"catalog-json version {value.GetRawText()} is not supported (this build reads version {CatalogJsonFormat.Version}).");
    }
}
