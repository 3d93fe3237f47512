namespace Catalog.Core.Reviews;

public sealed class Review
{
    public const int MaxBodyLength = 10_000;

    public required string Id { get; set; }
    public required string TitleId { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }

    /// <summary>1–10.</summary>
    public int Rating { get; set; }

    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public int HelpfulVotes { get; set; }
    public int UnhelpfulVotes { get; set; }
}

/// <summary>One viewer's vote on one review; (ReviewId, VoterId) is unique, re-voting changes <see cref="Helpful"/>.</summary>
public sealed class ReviewVote
{
    public required string ReviewId { get; set; }
    public required string VoterId { get; set; }
    public bool Helpful { get; set; }
    public DateTime CastAt { get; set; }
}
