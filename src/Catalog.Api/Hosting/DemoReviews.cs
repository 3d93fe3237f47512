using System.Security.Cryptography;
using System.Text;
using Catalog.Core.Reviews;
using Catalog.Store.Writes;

namespace Catalog.Api.Hosting;

/// <summary>A title the demo reviews are written for: its id, name, year, mean rating and when it was added.</summary>
public sealed record DemoTitle(string Id, string Name, int? Year, double? Mean, DateTime AddedAt);

/// <summary>
/// Deterministic demo reviews and votes for the bundled sample, by sample viewers ("sample-viewer-N"):
/// the same titles and clock always give the same rows. Vote counts and helpful shares are drawn
/// independently of ratings and dates, so ordering by helpfulness visibly differs from newest or rating.
/// </summary>
public static class DemoReviews
{
    public const string ViewerIdPrefix = "sample-viewer-";
    public const string BodyPrefix = "Sample review: demo text generated for the bundled sample catalog, not a real viewer's opinion. ";

    private static readonly string[] ViewerNames =
    [
        "Ada L.", "Bruno K.", "Chiara M.", "Dev P.", "Elif S.", "Farid H.", "Greta N.", "Hiro T.", "Ines R.", "Jonas W.",
        "Kofi A.", "Lena B.", "Mateo C.", "Nadia D.", "Oskar E.", "Priya F.", "Quinn G.", "Rosa I.", "Sami J.", "Tomas V.",
        "Uma O.", "Viktor Z.", "Wen Q.", "Xavier Y.", "Yara U.", "Zoltan X.", "Amara P.", "Ben R.", "Cleo S.", "Dario T.",
    ];

    private static readonly string[][] Verdicts =
    [
        // 1–4
        ["{0} never found its footing; I checked my watch more than the screen.", "Hard going: {0} has a few good scenes, but not enough to hold it together.", "I wanted to like {0}. The pacing and the script got in the way."],
        // 5–7
        ["{0} is a solid evening: uneven in the middle, but the ending lands.", "Good performances carry {0} past a script that plays it safe.", "Worth a watch if {0} is in your genre; not one I would rewatch."],
        // 8–10
        ["{0} holds up on a second viewing; the craft shows in every scene.", "One of the best of its year. {0} earns every minute of its running time.", "{0} surprised me: funny, tense and warmer than I expected."],
    ];

    /// <summary>Most reviews get a few votes, some many.</summary>
    private const int MaxVotesPerReview = 16;

    /// <summary>Two to five reviews per title, each with zero to <see cref="MaxVotesPerReview"/> votes by other sample viewers.</summary>
    public static (List<Review> Reviews, List<ReviewVote> Votes) For(IEnumerable<DemoTitle> titles, DateTime now)
    {
        var reviews = new List<Review>();
        var votes = new List<ReviewVote>();
        foreach (var title in titles)
        {
            var random = new SeededRandom(title.Id);
            var viewers = random.Shuffle(ViewerNames.Length);
            var start = title.AddedAt < now ? title.AddedAt : now.AddDays(-1);
            var count = 2 + random.Next(4);
            for (var i = 0; i < count; i++)
            {
                var author = viewers[i];
                var rating = Math.Clamp((int)Math.Round((title.Mean ?? 7) + random.Next(6) - 3), ReviewService.MinRating, ReviewService.MaxRating);
                var review = new Review
                {
                    Id = ReviewId(title.Id, ViewerId(author)), TitleId = title.Id, AuthorId = ViewerId(author), AuthorName = ViewerName(author),
                    Rating = rating, Body = Body(title, rating, random), CreatedAt = Between(start, now, random),
                };
                reviews.Add(review);

                var voteCount = (int)(Math.Pow(random.NextDouble(), 2) * (MaxVotesPerReview + 1));
                var helpfulShare = random.NextDouble();
                foreach (var voter in viewers.Where(v => v != author).Take(voteCount))
                {
                    votes.Add(new ReviewVote
                    {
                        ReviewId = review.Id, VoterId = ViewerId(voter), Helpful = random.NextDouble() < helpfulShare,
                        CastAt = Between(review.CreatedAt, now, random),
                    });
                }
            }
        }

        return (reviews, votes);
    }

    private static string ViewerId(int index) => ViewerIdPrefix + (index + 1);

    private static string ViewerName(int index) => ViewerNames[index];

    private static string Body(DemoTitle title, int rating, SeededRandom random)
    {
        var band = rating <= 4 ? 0 : rating <= 7 ? 1 : 2;
        var name = title.Year is int year ? $"{title.Name} ({year})" : title.Name;
        return BodyPrefix + string.Format(System.Globalization.CultureInfo.InvariantCulture, Verdicts[band][random.Next(Verdicts[band].Length)], name);
    }

    // Whole microseconds: PostgreSQL's timestamptz keeps no finer, so the demo data reads back the same on both providers.
    private static DateTime Between(DateTime from, DateTime to, SeededRandom random)
    {
        var instant = from.AddTicks((long)((to - from).Ticks * random.NextDouble()));
        return instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>Stable ids (the same review on every seeding), in the review id format.</summary>
    private static string ReviewId(string titleId, string authorId) =>
        ReviewIds.Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(titleId + "\n" + authorId)))[..32];

    /// <summary>SplitMix64 seeded by FNV-1a of a string: the same sequence on every runtime (System.Random promises no such thing).</summary>
    private sealed class SeededRandom
    {
        private ulong state;

        public SeededRandom(string seed)
        {
            state = 14695981039346656037UL;
            foreach (var c in seed)
                state = (state ^ c) * 1099511628211UL;
        }

        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        public int Next(int exclusiveMax) => (int)(NextUInt64() % (ulong)exclusiveMax);

        public int[] Shuffle(int count)
        {
            var items = Enumerable.Range(0, count).ToArray();
            for (var i = count - 1; i > 0; i--)
            {
                var j = Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }

            return items;
        }

        private ulong NextUInt64()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
