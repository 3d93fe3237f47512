namespace Catalog.Core.Trailers;

/// <summary>Bound from <c>Catalog:Trailers</c>.</summary>
public sealed class TrailerOptions
{
    public const string Section = "Catalog:Trailers";

    public static readonly IReadOnlyList<string> DefaultAllowedHosts =
    [
        "youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be",
        "vimeo.com", "www.vimeo.com", "player.vimeo.com",
        "imdb.com", "www.imdb.com", "m.imdb.com",
    ];

    /// <summary>
    /// Hosts trailer links may point to, matched exactly. Unset means <see cref="DefaultAllowedHosts"/>;
    /// when set it replaces them. Hosts other than YouTube, Vimeo and IMDb get the site OTHER and no embed.
    /// </summary>
    public IList<string>? AllowedHosts { get; set; }

    /// <summary>Embed YouTube through youtube-nocookie.com (no cookies until the viewer presses play).</summary>
    public bool PrivacyEnhancedEmbeds { get; set; } = true;
}
