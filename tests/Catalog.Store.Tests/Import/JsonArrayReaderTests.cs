using System.Text;
using System.Text.Json;
using Catalog.Store.Import;

namespace Catalog.Store.Tests.Import;

public sealed class JsonArrayReaderTests
{
    private static async Task<List<JsonArrayElement>> ReadAllAsync(string json, string? property = "titles", Action<string, JsonElement>? onProperty = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var elements = new List<JsonArrayElement>();
        await foreach (var element in JsonArrayReader.ReadAsync(stream, property, onProperty))
            elements.Add(element);
        return elements;
    }

    [Theory]
    [InlineData("""[{"a":1},{"a":2},3]""")]
    [InlineData("""{"format":"x","titles":[{"a":1},{"a":2},3],"after":{"deep":[1,2]}}""")]
    [InlineData("\uFEFF[{\"a\":1},{\"a\":2},3]")]
    public async Task Reads_each_element_of_the_array_with_its_1_based_index(string json)
    {
        var elements = await ReadAllAsync(json);

        Assert.Equal([1, 2, 3], elements.Select(e => e.Index));
        Assert.Equal("""{"a":2}""", elements[1].Value.GetRawText());
        Assert.Equal(JsonValueKind.Number, elements[2].Value.ValueKind);
    }

    [Fact]
    public async Task Elements_larger_than_the_buffer_and_other_properties_come_through()
    {
        var big = new string('x', 200_000);
        var seen = new List<string>();

        var elements = await ReadAllAsync($$"""{"format":"catalog-json","big":"{{big}}","titles":[{"name":"{{big}}"},{"name":"b"}],"version":1}""", onProperty: (name, _) => seen.Add(name));

        Assert.Equal(2, elements.Count);
        Assert.Equal(big.Length, elements[0].Value.GetProperty("name").GetString()!.Length);
        Assert.Equal(["format", "big", "version"], seen);
        Assert.True(elements[0].Position < elements[1].Position);
    }

    [Theory]
    [InlineData("""[{"a":1},{"a":""")]
    [InlineData("""{"titles":[{"a":1}""")]
    [InlineData("""[{"a":1}] trailing""")]
    [InlineData("""{"titles":{"a":1}}""")]
    [InlineData("42")]
    [InlineData("")]
    public async Task Malformed_or_truncated_input_throws(string json)
    {
        await Assert.ThrowsAnyAsync<JsonException>(() => ReadAllAsync(json));
    }
}
