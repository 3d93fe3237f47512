using System.Text;
using CsCheck;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>
/// Requests broken at the HTTP and JSON level: malformed and truncated JSON, invalid UTF-8, byte order
/// marks, wrong content types and methods, oversized and chunked bodies, mutations over GET, duplicated
/// parameters and garbage persisted-query extensions.
/// </summary>
public static class HostileTransport
{
    private const string ValidQuery = "{ search(query: \"robot\") { totalCount nodes { id } } }";

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "application/graphql", "application/json; charset=utf-16",
        "application/json; charset=latin1", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "", "]]]",
        "application/json; charset=\"utf-8\"", "APPLICATION/JSON", "application/json;;;", "application/*", "*/*", "application/graphql-response+json",
    ];

    private static readonly string[] Accepts =
    [
        "application/graphql-response+json", "application/json", "*/*", "text/html", "application/graphql-response+json;q=0",
        "*/*;q=abc", "", "application/xml, text/*;q=0.1", "\u0001\u0002",
    ];

    private static readonly string[] Extensions =
    [
        "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"zz\"}}",
        "{\"persistedQuery\": {\"version\": 2, \"sha256Hash\": \"" + new string('a', 64) + "\"}}",
        "{\"persistedQuery\": {\"version\": \"1\", \"sha256Hash\": 5}}",
        "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + new string('f', 10_000) + "\"}}",
        "{\"persistedQuery\": {\"version\": 1}}",
        "{\"persistedQuery\": {\"sha256Hash\": null}}",
        "{\"persistedQuery\": []}",
        "{\"persistedQuery\": \"x\"}",
        "{\"persistedQuery\": null}",
        "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + new string('0', 64) + "\"}}",
        "{\"persistedQuery\": {\"version\": 1e308, \"sha256Hash\": \"\\ud800\"}}",
        "{\"nope\": {\"deep\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}",
    ];

    public static Gen<HostileRequest> Any(Gen<Credential> credentials) => Gen.OneOf(
        MalformedJson(credentials), InvalidUtf8(credentials), ByteOrderMark(credentials), ContentTypesAndMethods(credentials),
        Oversized(credentials), GetRequests(credentials), PersistedQueries(credentials));

    private static Gen<HostileRequest> MalformedJson(Gen<Credential> credentials) =>
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 4_000], Gen.Byte.Array[0, 64], credentials, (how, n, bytes, credential) =>
        {
            var valid = HostileRequest.BodyJson(ValidQuery, "{\"a\": 1}");
            var body = how switch
            {
                0 => valid[..Math.Min(valid.Length - 1, n % valid.Length)],
                1 => valid + new string('}', n % 50 + 1),
                2 => "{\"query\": \"{ __typename }\", \"query\": \"{ search { totalCount } }\"}",
                3 => "{\"query\": \"{ __typename }\" /* comment */, \"variables\": {NaN: NaN}}",
                4 => "{\"query\": \"{ __typename }\", \"variables\": " + new string('[', n) + new string(']', n) + "}",
                5 => "{\"query\": \"{ __typename }\", \"variables\": " + string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n) + "}",
                6 => "{\"query\": \"{ __typename }\", \"variables\": {\"a\": 1e400, \"b\": -1e400, \"c\": 0.0000000000000000000000001e-400}}",
                7 => "null",
                8 => "{'query': '{ __typename }'}",
                _ => null,
            };
            return new HostileRequest("POST", "/graphql", body is null ? bytes : Encoding.UTF8.GetBytes(body), Credential: credential);
        });

    private static Gen<HostileRequest> InvalidUtf8(Gen<Credential> credentials) =>
        Gen.Select(Gen.Int[0, 200], Gen.OneOf<byte[]>([0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFE, 0xFF], [0x00]),
            credentials, (at, bytes, credential) =>
            {
                var valid = Encoding.UTF8.GetBytes(HostileRequest.BodyJson(ValidQuery, "{\"q\": \"robot\"}"));
                var position = at % (valid.Length + 1);
                return new HostileRequest("POST", "/graphql", [.. valid[..position], .. bytes, .. valid[position..]], Credential: credential);
            });

    /// <summary>Valid requests with a UTF-8 byte order mark in front: the issue asks them to be accepted or refused saying why.</summary>
    private static Gen<HostileRequest> ByteOrderMark(Gen<Credential> credentials) =>
        Gen.Select(Gen.Int[1, 2], Gen.OneOf(ValidQuery, "{ __typename }", "{ genres { value count } }"), credentials, (marks, query, credential) =>
            new HostileRequest("POST", "/graphql", [.. Enumerable.Repeat(Encoding.UTF8.Preamble.ToArray(), marks).SelectMany(b => b),
                .. Encoding.UTF8.GetBytes(HostileRequest.BodyJson(query))],
                Credential: credential, Expect: marks == 1 ? Expectation.AnsweredDespiteByteOrderMark : Expectation.Bounded));

    private static Gen<HostileRequest> ContentTypesAndMethods(Gen<Credential> credentials) =>
        Gen.Select(Gen.OneOf(ContentTypes), Gen.OneOf(Accepts), Gen.OneOf("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "GET"),
            Gen.OneOf("/graphql", "/graphql/", "/GRAPHQL", "/graphql?query=%7B__typename%7D", "/graphql;x", "/graphql/../graphql"), credentials,
            (contentType, accept, method, target, credential) => new HostileRequest(method, target,
                method is "GET" or "HEAD" or "TRACE" ? null : Encoding.UTF8.GetBytes(HostileRequest.BodyJson(ValidQuery)),
                ContentType: contentType, Accept: accept, Credential: credential));

    private static Gen<HostileRequest> Oversized(Gen<Credential> credentials) =>
        Gen.Select(Gen.Int[64 * 1024 - 100, 600_000], Gen.Bool, credentials, (size, chunked, credential) =>
            new HostileRequest("POST", "/graphql", Encoding.UTF8.GetBytes(
                HostileRequest.BodyJson("{ search(query: \"" + new string('a', size) + "\") { totalCount } }")),
                Credential: credential, Chunked: chunked));

    private static Gen<HostileRequest> GetRequests(Gen<Credential> credentials) =>
        Gen.Select(Gen.Int[0, 9], HostileText.Short, credentials, (how, text, credential) => how switch
        {
            0 => HostileRequest.Get("mutation { startReindex { id } }", credential: credential),
            1 => HostileRequest.Get("query Q { __typename } mutation M { setTags(titleId: \"x\", tags: []) { id } }", operationName: "M", credential: credential),
            2 => HostileRequest.Get("query Q { __typename } mutation M { startReindex { id } }", credential: credential),
            3 => HostileRequest.Get("subscription { __typename }", credential: credential),
            4 => new HostileRequest("GET", "/graphql?query=%7B__typename%7D&query=mutation%7BstartReindex%7Bid%7D%7D", ContentType: null, Credential: credential),
            5 => new HostileRequest("GET", "/graphql?query=%7B__typename%7D&variables=%7B%7D&variables=%5B%5D&operationName=a&operationName=b", ContentType: null, Credential: credential),
            6 => HostileRequest.Get(ValidQuery, variablesJson: text, credential: credential),
            7 => new HostileRequest("GET", "/graphql?query=" + Uri.EscapeDataString(text) + "&%ZZ=%&&=&query", ContentType: null, Credential: credential),
            8 => HostileRequest.Get("{ search(query: \"" + new string('x', 8_000) + "\") { totalCount } }", credential: credential),
            _ => HostileRequest.Get(null, operationName: text, credential: credential),
        });

    private static Gen<HostileRequest> PersistedQueries(Gen<Credential> credentials) =>
        Gen.Select(Gen.OneOf(Extensions), Gen.Int[0, 2], credentials, (extensions, how, credential) => how switch
        {
            0 => HostileRequest.Get(null, extensionsJson: extensions, credential: credential),
            1 => HostileRequest.Post(ValidQuery, extensionsJson: extensions, credential: credential),
            _ => new HostileRequest("POST", "/graphql", Encoding.UTF8.GetBytes(HostileRequest.BodyJson(null, extensionsJson: extensions)), Credential: credential),
        });
}
