using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Catalog.Api.Auth;

/// <summary>Mints HS256 tokens with the configured key (the <c>catalog token</c> verb, tests).</summary>
public static class DevelopmentTokens
{
    public static SymmetricSecurityKey SigningKey(AuthOptions options)
    {
        var bytes = Encoding.UTF8.GetBytes(options.SigningKey);
        if (bytes.Length < 32)
            throw new InvalidOperationException("Catalog:Auth:SigningKey must be at least 32 bytes for HS256.");
        return new SymmetricSecurityKey(bytes);
    }

    public static string Create(AuthOptions options, string subject, string? name, string role, DateTimeOffset now)
    {
        var claims = new List<Claim> { new("sub", subject), new("role", role) };
        if (!string.IsNullOrWhiteSpace(name))
            claims.Add(new Claim("name", name));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + options.TokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(options), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
