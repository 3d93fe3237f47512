using Catalog.Core.Titles;
using Catalog.Core.Trailers;

namespace Catalog.Core.Tests.Trailers;

public sealed class TrailerUrlPolicyTests
{
    private static readonly TrailerUrlPolicy Defaults = new(new TrailerOptions());

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", TrailerSite.YouTube, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", TrailerSite.YouTube, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", TrailerSite.YouTube, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ", TrailerSite.YouTube, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/@somechannel", TrailerSite.YouTube, null)]
    [InlineData("https://vimeo.com/76979871", TrailerSite.Vimeo, "https://player.vimeo.com/video/76979871")]
    [InlineData("https://player.vimeo.com/video/76979871", TrailerSite.Vimeo, "https://player.vimeo.com/video/76979871")]
    [InlineData("https://www.imdb.com/video/vi2959588889/", TrailerSite.Imdb, null)]
    public void Accepts_known_sites_with_their_embed_urls(string url, TrailerSite site, string? embed)
    {
        var link = Defaults.Check(url, out var reason);

        Assert.NotNull(link);
        Assert.Equal("", reason);
        Assert.Equal(site, link.Site);
        Assert.Equal(embed, link.EmbedUrl);
    }

    [Fact]
    public void Embeds_youtube_without_the_privacy_domain_when_configured()
    {
        var policy = new TrailerUrlPolicy(new TrailerOptions { PrivacyEnhancedEmbeds = false });
        Assert.Equal("https://www.youtube.com/embed/dQw4w9WgXcQ", policy.Check("https://youtu.be/dQw4w9WgXcQ", out _)!.EmbedUrl);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "https")]
    [InlineData("JavaScript:alert(document.cookie)//https://youtu.be/x", "https")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", "https")]
    [InlineData("http://www.youtube.com/watch?v=dQw4w9WgXcQ", "https")]
    [InlineData("ftp://vimeo.com/1", "https")]
    [InlineData("https://evil.example/watch?v=dQw4w9WgXcQ", "not an allowed trailer host")]
    [InlineData("https://youtube.com.evil.example/x", "not an allowed trailer host")]
    [InlineData("https://www.youtube.com@evil.example/x", "user names")]
    [InlineData("https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ", "user names")]
    [InlineData("https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ", "port")]
    [InlineData("https://www.youtube.com/watch?v=a b", "spaces")]
    [InlineData("/watch?v=dQw4w9WgXcQ", "absolute")]
    [InlineData("https://www.youtube.com/embed/'onload='alert(1)", "percent-encode")]
    [InlineData("https://vimeo.com/1\"onmouseover=\"alert(1)", "percent-encode")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ<script>", "percent-encode")]
    [InlineData("https://www.youtube.com\\@evil.example/x", "percent-encode")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ`x", "percent-encode")]
    [InlineData("https://www.youtube.com/embed/dQw4w\u00a0WgXcQ", "spaces")]
    [InlineData("", "empty")]
    [InlineData(null, "empty")]
    public void Refuses_unsafe_or_foreign_urls_with_a_reason(string? url, string reasonPart)
    {
        Assert.Null(Defaults.Check(url, out var reason));
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_overlong_urls()
    {
        Assert.Null(Defaults.Check("https://youtu.be/" + new string('a', TrailerUrlPolicy.MaxUrlLength), out var reason));
        Assert.Contains("longer", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_hosts_replace_the_defaults_and_unknown_sites_are_other()
    {
        var policy = new TrailerUrlPolicy(new TrailerOptions { AllowedHosts = ["trailers.example.org", "YouTu.be"] });

        var other = policy.Check("https://trailers.example.org/t/1.mp4", out _);
        Assert.Equal(TrailerSite.Other, other!.Site);
        Assert.Null(other.EmbedUrl);
        Assert.Equal(TrailerSite.YouTube, policy.Check("https://youtu.be/dQw4w9WgXcQ", out _)!.Site);
        Assert.Null(policy.Check("https://vimeo.com/1", out _));
    }
}
