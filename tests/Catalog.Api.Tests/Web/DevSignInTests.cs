using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Catalog.Api.Auth;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Web;

public sealed class DevSignInTests(DevSignInTests.SignInApi api) : IClassFixture<DevSignInTests.SignInApi>
{
    public sealed class SignInApi : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { [DevSignInEndpoints.Key] = "true" };

        protected override async Task SeedAsync() => await this.SeedTitlesAsync(NewTitle("signed-in-title", "Signed In"));
    }

    private async Task<JsonElement> IssueAsync(object request)
    {
        var response = await api.CreateClient().PostAsJsonAsync(DevSignInEndpoints.Path, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Get_says_it_is_enabled()
    {
        var response = await api.CreateClient().GetAsync(DevSignInEndpoints.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"enabled":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_viewer_token_signs_in_and_writes_reviews()
    {
        var issued = await IssueAsync(new { role = "viewer", id = "web-viewer", name = "Wanda" });
        var client = api.CreateClient(issued.GetProperty("token").GetString());

        var viewer = (await client.PostGraphQLAsync("{ viewer { id name role } }")).EnsureSuccess();
        var review = (await client.PostGraphQLAsync(
            """mutation { submitReview(input: { titleId: "signed-in-title", rating: 7, body: "From the page." }) { author } }""")).EnsureSuccess();

        Assert.Equal(("web-viewer", "Wanda", "viewer"), (issued.GetProperty("id").GetString(), issued.GetProperty("name").GetString(), issued.GetProperty("role").GetString()));
        Assert.Equal("web-viewer", viewer.Data.At("viewer.id").GetString());
        Assert.Equal("VIEWER", viewer.Data.At("viewer.role").GetString());
        Assert.Equal("Wanda", review.Data.At("submitReview.author").GetString());
    }

    [Fact]
    public async Task A_curator_token_with_default_id_and_name_runs_curator_mutations()
    {
        var issued = await IssueAsync(new { role = "curator" });
        var client = api.CreateClient(issued.GetProperty("token").GetString());

        var tags = (await client.PostGraphQLAsync("""mutation { setTags(titleId: "signed-in-title", tags: ["dev"]) { tags } }""")).EnsureSuccess();

        Assert.Equal("dev-curator", issued.GetProperty("id").GetString());
        Assert.Equal("Dev Curator", issued.GetProperty("name").GetString());
        Assert.Equal("dev", tags.Data.At("setTags.tags.0").GetString());
    }

    [Theory]
    [InlineData("""{"role":"admin"}""")]
    [InlineData("""{"id":"no-role"}""")]
    [InlineData("not json")]
    [InlineData("""{"role":"viewer","id":"0123456789012345678901234567890123456789012345678901234567890123456789"}""")]
    public async Task Bad_requests_get_400_with_a_message(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await api.CreateClient().PostAsync(DevSignInEndpoints.Path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}

public sealed class DevSignInOffTests
{
    private sealed class ExplicitlyOff : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { [DevSignInEndpoints.Key] = "false" };
    }

    [Fact]
    public async Task The_route_does_not_exist_when_off_or_by_default_outside_development()
    {
        await using var off = new ExplicitlyOff();
        await using var testing = new CatalogApiFactory();

        foreach (var factory in new CatalogApiFactory[] { off, testing })
        {
            var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(DevSignInEndpoints.Path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(DevSignInEndpoints.Path, new { role = "curator" })).StatusCode);
        }
    }
}
