using System.Net;
using System.Text;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Http;

/// <summary>How /graphql reads requests: GET and POST, and a clear 4xx (never a 500) for malformed ones.</summary>
public sealed class GraphQLRequestTests(CatalogApiFactory api) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task Post_json_runs_the_query()
    {
        var response = await client.PostGraphQLAsync("{ __typename }");

        Assert.Equal("Query", response.EnsureSuccess().Data.At("__typename").GetString());
        Assert.Equal(GraphQLHttp.GraphQLResponseJson, response.ContentType);
    }

    [Fact]
    public async Task Get_runs_a_query_with_variables_and_operation_name()
    {
        var response = await client.GetGraphQLAsync(
            "query A { a: __typename } query B($skip: Boolean!) { b: __typename @skip(if: $skip) c: __typename }",
            variables: new { skip = true }, operationName: "B");

        var data = response.EnsureSuccess().Data;
        Assert.False(data.TryGetProperty("b", out _));
        Assert.Equal("Query", data.At("c").GetString());
    }

    [Fact]
    public async Task Get_mutation_is_refused_with_405_and_allow_post()
    {
        var response = await client.GetGraphQLAsync("mutation { __typename }");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["METHOD_NOT_ALLOWED"], response.ErrorCodes);
        Assert.Equal("POST", Assert.Single(response.Http.Content.Headers.Allow));
    }

    [Fact]
    public async Task Get_refuses_the_mutation_an_operation_name_selects()
    {
        var response = await client.GetGraphQLAsync("query Q { __typename } mutation M { __typename }", operationName: "M");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
    }

    [Theory]
    [InlineData("{\"query\": \"{ __typename \"", "not valid JSON")]
    [InlineData("[{\"query\": \"{ __typename }\"}]", "JSON object")]
    [InlineData("\"{ __typename }\"", "JSON object")]
    [InlineData("{\"query\": 5}", "'query' must be a string")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": \"{}\"}", "'variables' must be a JSON object")]
    [InlineData("{\"query\": \"{ __typename }\", \"extensions\": [1]}", "'extensions' must be a JSON object")]
    [InlineData("{\"query\": \"{ __typename }\", \"operationName\": {}}", "'operationName' must be a string")]
    [InlineData("{}", "no 'query'")]
    [InlineData("{\"query\": \"   \"}", "no 'query'")]
    [InlineData("", "not valid JSON")]
    public async Task Malformed_post_bodies_get_400_with_a_clear_error(string body, string expected)
    {
        var response = await client.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
        Assert.Contains(expected, response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_requests_get_400_under_legacy_json_too()
    {
        var response = await client.PostRawAsync("{\"query\": ", accept: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/json", response.ContentType);
    }

    [Fact]
    public async Task Invalid_utf8_in_the_body_gets_400_not_500()
    {
        byte[] body = [.. Encoding.ASCII.GetBytes("{\"query\": \"{ __typename } #"), 0xFF, 0xFE, 0xC3, .. Encoding.ASCII.GetBytes("\"}")];

        var response = await client.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_body_starting_with_a_utf8_byte_order_mark_is_accepted()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"query\": \"{ __typename }\"}")];

        var response = (await client.PostRawAsync(body)).EnsureSuccess();

        Assert.Equal("Query", response.Data.At("__typename").GetString());
    }

    [Fact]
    public async Task Lone_surrogate_escapes_get_400_not_500()
    {
        var response = await client.PostRawAsync("{\"query\": \"query($s: String) { __typename }\", \"variables\": {\"s\": \"\\ud800\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e-400")]
    [InlineData("123456789012345678901234567890123456789")]
    [InlineData("\"\\u0000\"")]
    [InlineData("{\"a\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}")]
    public async Task Odd_variable_values_get_a_graphql_answer_never_a_500(string value)
    {
        var response = await client.PostRawAsync(
            "{\"query\": \"query($v: Int, $f: Float, $s: String) { __typename }\", \"variables\": {\"v\": " + value + ", \"f\": " + value + ", \"s\": " + value + "}}");

        Assert.True(response.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.Status}: {response.Body}");
        Assert.True(response.HasErrors, response.Body);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Other_content_types_get_415(string contentType)
    {
        var response = await client.PostRawAsync("{\"query\": \"{ __typename }\"}", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(["UNSUPPORTED_MEDIA_TYPE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Json_with_utf8_charset_is_accepted()
    {
        var response = await client.PostRawAsync("{\"query\": \"{ __typename }\"}", "application/json; charset=UTF-8");

        response.EnsureSuccess();
    }

    [Fact]
    public async Task Oversized_body_gets_413_with_a_graphql_error()
    {
        var query = "{ __typename }" + new string(' ', 70 * 1024);

        var response = await client.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(["PAYLOAD_TOO_LARGE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Oversized_chunked_body_without_length_gets_413()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"query\": \"{ __typename }" + new string(' ', 70 * 1024) + "\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new UnknownLengthContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        Assert.Null(request.Content.Headers.ContentLength);

        var response = await client.SendGraphQLAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Fact]
    public async Task Get_without_query_gets_400()
    {
        var response = await client.GetGraphQLUrlAsync("/graphql");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("/graphql?query={__typename}&query={__typename}")]
    [InlineData("/graphql?query={__typename}&variables=nope")]
    [InlineData("/graphql?query={__typename}&variables=[1]")]
    [InlineData("/graphql?query={__typename}&extensions=5")]
    public async Task Malformed_query_strings_get_400(string url)
    {
        var response = await client.GetGraphQLUrlAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Other_methods_are_not_allowed()
    {
        var response = await client.PutAsync("/graphql", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Deeply_nested_text_is_refused_without_crashing()
    {
        var query = string.Concat(Enumerable.Repeat("{ a ", 5000)) + new string('}', 5000);

        var response = await client.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.HasErrors);
    }

    /// <summary>Content that does not know its length, so the client cannot announce it.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
