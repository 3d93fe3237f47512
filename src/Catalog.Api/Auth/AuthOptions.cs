using System.ComponentModel.DataAnnotations;

namespace Catalog.Api.Auth;

/// <summary>Bound from <c>Catalog:Auth</c>: the HS256 key and the names tokens must carry.</summary>
public sealed class AuthOptions
{
    public const string Section = "Catalog:Auth";
    public const string ViewerRole = "viewer";
    public const string CuratorRole = "curator";

    [Required]
    public string Issuer { get; set; } = "catalog";
    [Required]
    public string Audience { get; set; } = "catalog";

    /// <summary>At least 32 bytes of UTF-8; the bundled value is for development only.</summary>
    public string SigningKey { get; set; } = "";

    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
