using System.Security.Claims;
using Catalog.Api.Auth;
using Catalog.Api.Cli;
using Catalog.Api.Tests.Fixtures;
using GraphQL;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Catalog.Api.Tests.Http;

/// <summary>JWT bearer tokens reach GraphQL execution as the principal; rejected tokens run anonymously.</summary>
[Collection(InProcessHostGroup.Name)]
public sealed class AuthTests(AuthTests.ProbedApiFactory api) : IClassFixture<AuthTests.ProbedApiFactory>
{
    /// <summary>Records the principal of every execution.</summary>
    public sealed class ProbedApiFactory : CatalogApiFactory
    {
        public ClaimsPrincipal? LastUser { get; private set; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddGraphQL(b => b.ConfigureExecutionOptions(o => LastUser = o.User)));
        }
    }

    [Fact]
    public async Task Viewer_token_becomes_the_execution_principal_with_unmapped_claims()
    {
        (await api.CreateClient(api.ViewerToken("viewer-9", "Nine")).PostGraphQLAsync("{ __typename }")).EnsureSuccess();

        var user = api.LastUser!;
        Assert.True(user.Identity!.IsAuthenticated);
        Assert.Equal("viewer-9", user.FindFirstValue("sub"));
        Assert.Equal("Nine", user.Identity.Name);
        Assert.True(user.IsInRole(AuthOptions.ViewerRole));
        Assert.False(user.IsInRole(AuthOptions.CuratorRole));
    }

    [Fact]
    public async Task Curator_token_is_in_the_curator_role()
    {
        (await api.CreateClient(api.CuratorToken("cur-1")).PostGraphQLAsync("{ __typename }")).EnsureSuccess();

        Assert.True(api.LastUser!.IsInRole(AuthOptions.CuratorRole));
    }

    [Fact]
    public async Task Token_printed_by_the_catalog_token_verb_is_accepted()
    {
        using var output = new StringWriter();
        await CatalogCli.RunAsync(["token", "--viewer", "cli-viewer", "--name", "Cli", "--data", api.DataDirectory], output);

        (await api.CreateClient(output.ToString().Trim()).PostGraphQLAsync("{ __typename }")).EnsureSuccess();

        Assert.Equal("cli-viewer", api.LastUser!.FindFirstValue("sub"));
    }

    public static TheoryData<string> RejectedTokens => new()
    {
        "expired",
        "wrong-key",
        "wrong-audience",
        "garbage",
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Rejected_token_runs_anonymously_and_says_why(string kind)
    {
        var response = await api.CreateClient(RejectedToken(kind)).PostGraphQLAsync("{ __typename }");

        response.EnsureSuccess();
        Assert.False(api.LastUser?.Identity?.IsAuthenticated ?? false);
        Assert.Contains("invalid_token", response.Http.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_request_has_no_challenge_header()
    {
        var response = await api.CreateClient().PostGraphQLAsync("{ __typename }");

        response.EnsureSuccess();
        Assert.Empty(response.Http.Headers.WwwAuthenticate);
    }

    private string RejectedToken(string kind)
    {
        var auth = api.Auth;
        var now = TimeProvider.System.GetUtcNow();
        return kind switch
        {
            "expired" => DevelopmentTokens.Create(auth, "v", null, AuthOptions.ViewerRole, now - auth.TokenLifetime - TimeSpan.FromHours(1)),
            "wrong-key" => DevelopmentTokens.Create(new AuthOptions { Issuer = auth.Issuer, Audience = auth.Audience, SigningKey = new string('k', 40) },
                "v", null, AuthOptions.ViewerRole, now),
            "wrong-audience" => DevelopmentTokens.Create(new AuthOptions { Issuer = auth.Issuer, Audience = "someone-else", SigningKey = auth.SigningKey },
                "v", null, AuthOptions.ViewerRole, now),
            _ => "not.a.jwt",
        };
    }
}
