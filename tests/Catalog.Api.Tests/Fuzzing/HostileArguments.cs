using System.Buffers.Text;
using CsCheck;
using static Catalog.Api.Tests.Fuzzing.FuzzClass;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>
/// Well-formed documents with hostile argument values: paging extremes, forged and mutated cursors,
/// extreme instants on every rail and in filters, extreme numbers, wrong types, unknown fields and arguments.
/// </summary>
public static class HostileArguments
{
    public static readonly string[] Rails = ["recentlyAdded", "newReleases", "newArrivals", "comingSoon", "leavingSoon"];

    /// <summary>GraphQL literals for an Int argument: in range, out of range, overflowing, and of other types.</summary>
    private static readonly string[] NumberLiterals =
    [
        "1", "0", "-1", "100", "101", "2147483647", "2147483648", "-2147483648", "-2147483649", "99999999999999999999999",
        "1e308", "-1e308", "1.5", "-0", "\"10\"", "\"NaN\"", "NaN", "Infinity", "null", "true", "[1]", "{ a: 1 }", "$undefined",
    ];

    /// <summary>JSON values for Int/Float variables (JSON allows more than GraphQL literals do).</summary>
    private static readonly string[] NumberJson =
    [
        "1", "0", "-1", "2147483647", "2147483648", "-2147483649", "1e308", "-1e308", "1e400", "1e-400", "4.9e-324", "1.0", "-0.0",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e308\"", "null", "true", "[]", "{}", "123456789012345678901234567890",
    ];

    /// <summary>Instants at and past the edges of what DateTime/DateTimeOffset hold, in valid and invalid ISO forms.</summary>
    public static readonly string[] Instants =
    [
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999Z", "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00-14:00", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00.0000001Z",
        "1970-01-01T00:00:00Z", "2026-01-15T12:00:00Z", "2026-01-16T12:00:00Z", "2025-01-15T12:00:00Z", "10000-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-15T24:00:00Z", "2026-01-15T23:59:60Z", "2026-01-15",
        "2026-01-15T12:00:00", "2026-01-15T12:00:00+99:00", "", "now", "0", "1e308",
    ];

    private static readonly string[] Dates = ["0001-01-01", "9999-12-31", "0000-00-00", "10000-01-01", "2026-02-30", "1970-01-01", "2026-01-15", ""];

    /// <summary>
    /// Huge, negative and mistyped <c>first</c>, and forged <c>after</c> cursors on the very query that
    /// handed out the real cursor they are forged from (so they get past the query fingerprint check).
    /// </summary>
    public static Gen<string> Paging(FuzzTargets targets) => Gen.Frequency(
        (3, Gen.Select(Gen.Int[0, targets.Cursors.Length - 1], Gen.Frequency((3, Gen.OneOf("1", "2", "100")), (1, Gen.OneOf(NumberLiterals))), Gen.Int[0, 99],
            (source, first, junk) => targets.CursorQuery(source, $"first: {first}, after: {HostileText.Literal(Cursor(targets.Cursors[source], junk))}"))),
        (2, Gen.Select(Gen.Int[0, 8], Gen.OneOf(NumberLiterals), (field, first) => field switch
        {
            0 => $"{{ title(id: \"{targets.TitleId}\") {{ similar(first: {first}) {{ id }} }} }}",
            1 => $"{{ suggest(prefix: \"ro\", first: {first}) {{ text }} tags(first: {first}) {{ value }} }}",
            2 => $"{{ search(first: 100) {{ nodes {{ reviews(first: {first}) {{ nodes {{ id }} }} similar(first: {first}) {{ id }} }} }} }}",
            3 => $"{{ search(query: \"robot\", first: {first}) {{ totalCount }} }}",
            _ => $"{{ {Rails[field - 4]}(first: {first}) {{ totalCount nodes {{ id }} }} }}",
        })));

    /// <summary>A real cursor with bytes flipped, cut, appended or an over-long length written in, or junk forged from scratch.</summary>
    private static string Cursor(string real, int junk)
    {
        var (how, value, at) = (junk % 6, (byte)(junk * 37), junk / 6);
        return how < 5 ? Base64Url.EncodeToString(Mutate(Base64Url.DecodeFromChars(real), how, value, at)) : (at % 12) switch
        {
            0 => "",
            1 => "!!!!",
            2 => real + "=",
            3 => Base64Url.EncodeToString("o:-1"u8),
            4 => Base64Url.EncodeToString("o:2147483647"u8),
            5 => Base64Url.EncodeToString("o:2147483646"u8),
            6 => Base64Url.EncodeToString("o:99999999999999999999"u8),
            7 => Base64Url.EncodeToString([1, .. new byte[8], 1, 4, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
            8 => Convert.ToBase64String(new byte[300]),
            9 => new string('A', 40_000),
            10 => real.ToUpperInvariant(),
            _ => "\uD800" + real,
        };
    }

    /// <summary>Keeps the version and fingerprint (the first 9 bytes) so the mutation reaches the value decoding.</summary>
    private static byte[] Mutate(byte[] cursor, int how, byte value, int at)
    {
        var position = cursor.Length == 0 ? 0 : Math.Min(cursor.Length - 1, 9 + at % Math.Max(1, cursor.Length - 9));
        return how switch
        {
            0 when cursor.Length > 0 => [.. cursor[..position], value, .. cursor[(position + 1)..]],
            1 => cursor[..position],
            2 => [.. cursor, .. Enumerable.Repeat(value, at + 1)],
            3 => [.. cursor[..Math.Min(cursor.Length, 10)], .. Enumerable.Repeat((byte)0xFF, at % 8 + 1), .. cursor[Math.Min(cursor.Length, 10)..]],
            // An over-long 7-bit length where a search cursor's first byte string starts (after version, fingerprint, count, tag).
            _ => [.. cursor[..Math.Min(cursor.Length, 11)], (byte)(value | 0x80), 0x80, 0x80, 0x80, 0x80, 0x01],
        };
    }

    /// <summary>Extreme instants as <c>asOf</c> on every rail (any caller) and in date filters, as literals or variables.</summary>
    public static Gen<(string Query, string? Variables)> ExtremeDates(FuzzTargets targets) =>
        Gen.Select(Gen.Int[0, 5], Gen.OneOf(Instants), Gen.OneOf(Instants), Gen.OneOf(Dates), Gen.Bool, (place, instant, other, date, asVariable) =>
        {
            var value = asVariable ? "$t" : HostileText.Literal(instant);
            var variables = asVariable ? $"{{\"t\": {HostileText.Literal(instant)}}}" : null;
            var declaration = asVariable ? "query($t: DateTime)" : "";
            var selection = "{ totalCount nodes { id addedAt availableUntil releaseDate } pageInfo { endCursor } }";
            var query = place switch
            {
                < 5 => $"{declaration} {{ {Rails[place]}(asOf: {value}) {selection} }}",
                _ => $"{declaration} {{ search(filter: {{ added: {{ from: {value}, to: {HostileText.Literal(other)} }}, released: {{ from: {HostileText.Literal(date)}, to: \"9999-12-31\" }} }}) {{ totalCount }} }}",
            };
            return (query, variables);
        });

    /// <summary>Extreme numbers as literals and as variables, in paging, filters and ratings.</summary>
    public static Gen<(string Query, string? Variables)> ExtremeNumbers(FuzzTargets targets) =>
        Gen.Select(Gen.Int[0, 4], Gen.OneOf(NumberLiterals), Gen.OneOf(NumberJson), (place, literal, json) => place switch
        {
            0 => Doc($"{{ search(filter: {{ releaseYear: {{ min: {literal}, max: 2147483647 }}, minVotes: {literal} }}) {{ totalCount }} }}", null),
            1 => Doc($"{{ search(filter: {{ minRating: {literal} }}) {{ totalCount }} }}", null),
            2 => Doc("query($n: Int, $f: Float) { search(first: $n, filter: { minRating: $f, minVotes: $n }) { totalCount } }", $"{{\"n\": {json}, \"f\": {json}}}"),
            3 => Doc("query($n: Int!) { title(id: \"" + targets.TitleId + "\") { reviews(first: $n) { totalCount } similar(first: $n) { id } } }", $"{{\"n\": {json}}}"),
            _ => Doc("query($y: IntRange) { search(filter: { releaseYear: $y }) { totalCount } }", $"{{\"y\": {{\"min\": {json}, \"max\": {json}}}}}"),
        });

    /// <summary>Arguments of the wrong type, unknown fields, arguments, directives and variables.</summary>
    public static Gen<(string Query, string? Variables)> WrongShapes(FuzzTargets targets) =>
        Gen.Select(Gen.Int[0, 13], HostileText.Short, (shape, text) => shape switch
        {
            0 => Doc("{ title(id: 123) { id } }", null),
            1 => Doc("{ title(id: null) { id } }", null),
            2 => Doc("{ search(sort: \"RATING\") { totalCount } }", null),
            3 => Doc("{ search(sort: BEST, facets: GENRE) { totalCount } }", null),
            4 => Doc("{ search(filter: \"x\", facets: [GENRE, null]) { totalCount } }", null),
            5 => Doc("{ search(q: \"robot\") { totalCount } nope }", null),
            6 => Doc($"{{ title(id: \"{targets.TitleId}\") {{ nope name(x: 1) reviews(orderBy: WORST) {{ totalCount }} }} }}", null),
            7 => Doc("{ __typename @nope @skip(if: \"yes\") }", null),
            8 => Doc("query($x: Int) { title(id: $x) { id } }", "{\"x\": 1}"),
            9 => Doc("query($x: TitleFilter) { search(filter: $x) { totalCount } }", $"{{\"x\": {{\"kinds\": [\"MOVIE\", null, 7], \"nope\": {HostileText.Literal(text)}}}}}"),
            10 => Doc("query($x: [String!]!) { search(filter: { tags: $x }) { totalCount } }", $"{{\"x\": [null, {HostileText.Literal(text)}]}}"),
            11 => Doc("{ search { nodes { ... on Review { body } ... on Nope { id } } } }", null),
            12 => Doc($"{{ node(id: {HostileText.Literal(text)}) {{ id ... on Title {{ name }} ... on Review {{ body }} }} }}", null),
            _ => Doc("{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } __type(name: \"Title\") { fields(includeDeprecated: true) { args { name } } } }", null),
        });
}
