namespace Catalog.Api.Auth;

/// <summary>Bound from <c>Catalog:Auth</c>: the HS256 key and the names tokens must carry.</summary>
public sealed class AuthOptions
{
    public const string Section = "Catalog:Auth";
    public const string ViewerRole = "viewer";
    public const string CuratorRole = "curator";

    public string Issuer { get; set; } = "catalog";
    public string Audience { get; set; } = "catalog";

    /// <summary>At least 32 bytes of UTF-8; the bundled value is for development only.</summary>
    public string SigningKey { get; set; } = "";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
