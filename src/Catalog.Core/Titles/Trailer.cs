namespace Catalog.Core.Titles;

public enum TrailerSite
{
    YouTube,
    Vimeo,
    Imdb,
    Other,
}

public enum TrailerKind
{
    Trailer,
    Teaser,
    Clip,
    Featurette,
}

public sealed class Trailer
{
    public required string Id { get; set; }
    public required string TitleId { get; set; }
    public required string Url { get; set; }
    public string? EmbedUrl { get; set; }
    public TrailerSite Site { get; set; } = TrailerSite.Other;
    public TrailerKind Kind { get; set; } = TrailerKind.Trailer;
    public string? Language { get; set; }
}
