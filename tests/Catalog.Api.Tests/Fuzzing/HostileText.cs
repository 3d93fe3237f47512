using System.Text.Json;
using CsCheck;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>
/// User text a hostile client types: Lucene query syntax, control characters, bidirectional overrides,
/// lone surrogates, emoji and combining marks, markup, and very long runs, mixed with real words so some
/// of it matches the seeded titles.
/// </summary>
public static class HostileText
{
    private static readonly string[] Pieces =
    [
        // Lucene and query syntax.
        "title:(", "title:robot", "\"", "*", "?", "~", "~2", "\\", "AND", "OR", "NOT", "&&", "||", "(", ")", "[", "]", "{", "}",
        "^", "^10", "!", ":", "/", "+", "-", "*:*", "/ro.*t/", "[a TO z]", "{* TO *}", "robot*", "*obot", "r?bot", "\"robot dreams\"~3",
        // Words the seeded catalog contains.
        "robot", "dreams", "heat", "iron", "giant", "the", "fresh", " ",
        // Control, format and bidi characters.
        "\u0000", "\u0001", "\u0008", "\u001B", "\t", "\r\n", "\u007F", "\u0085", "\u00AD", "\u200B", "\u200D", "\u2028", "\uFEFF",
        "\u202A", "\u202B", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u061C",
        // Surrogates: lone halves and reversed pairs, then real astral characters.
        "\uD800", "\uDFFF", "\uDC00\uD800", "😀", "👨‍👩‍👧", "🇫🇷", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        // Normalisation and case oddities.
        "e\u0301", "é", "ß", "İ", "ı", "ﬁ", "Ⅻ", "１２３", "ÅÅ", "ǅ",
        // Markup and injection attempts.
        "<script>alert(1)</script>", "'", "`", "%00", "%27", "${x}", "{{7*7}}", "' OR 1=1 --", "&amp;", "\u003C/mark\u003E",
    ];

    private static readonly Gen<string> Piece = Gen.OneOf(Pieces);

    private static readonly Gen<string> AnyChars = Gen.Char[char.MinValue, char.MaxValue].Array[1, 24].Select(chars => new string(chars));

    /// <summary>Long runs: one repeated piece, up to ~40,000 characters (so bodies stay under the 64 KB limit).</summary>
    private static readonly Gen<string> Long =
        Gen.Select(Piece, Gen.Int[1, 40_000], (piece, length) => string.Concat(Enumerable.Repeat(piece, Math.Max(1, length / Math.Max(1, piece.Length)))));

    /// <summary>Any hostile text: mostly a few pieces joined, sometimes random UTF-16 or a long run.</summary>
    public static readonly Gen<string> Any = Gen.Frequency(
        (8, Piece.Array[1, 8].Select(string.Concat)),
        (2, AnyChars),
        (1, Long),
        (1, Gen.Const("")));

    /// <summary>Short hostile text, for values repeated in lists.</summary>
    public static readonly Gen<string> Short = Gen.Frequency((8, Piece.Array[1, 4].Select(string.Concat)), (2, AnyChars));

    /// <summary>A JSON string literal (also a valid GraphQL string literal: same escapes), raw where JSON allows.</summary>
    public static string Literal(string text) => JsonSerializer.Serialize(text, HostileRequest.RawJson);

    /// <summary>
    /// <paramref name="text"/> spliced into a GraphQL string literal without escaping, so quotes, backslashes
    /// and line breaks break out of it (what a client that concatenates strings sends).
    /// </summary>
    public static string Unescaped(string text) => "\"" + text + "\"";
}
