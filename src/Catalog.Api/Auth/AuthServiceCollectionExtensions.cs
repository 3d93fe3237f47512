using Catalog.Api.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Catalog.Api.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// JWT bearer tokens signed with the configured HS256 key. Claims keep their JWT names
    /// (<c>sub</c>, <c>name</c>, <c>role</c>) and <c>role</c> drives <c>IsInRole</c>. No endpoint demands
    /// a token: a missing or rejected one leaves the request anonymous and the schema decides per field.
    /// The key is resolved here, so an unsafe one stops the host from being built (<see cref="SigningKeys"/>).
    /// </summary>
    public static IServiceCollection AddCatalogAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var key = SigningKeys.Resolve(configuration, environment);
        var options = configuration.GetCatalogOptions<AuthOptions>(AuthOptions.Section);
        options.SigningKey = key.Key;
        services.AddSingleton(key);
        services.AddCatalogOptions<AuthOptions>(AuthOptions.Section);
        services.PostConfigure<AuthOptions>(o => o.SigningKey = key.Key);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                // Token lifetimes are real time, never the (possibly fixed) catalog clock.
                jwt.TimeProvider = TimeProvider.System;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = DevelopmentTokens.SigningKey(options),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        services.AddAuthorization();
        return services;
    }
}
