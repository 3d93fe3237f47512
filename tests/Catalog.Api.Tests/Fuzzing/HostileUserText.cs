using CsCheck;
using static Catalog.Api.Tests.Fuzzing.FuzzClass;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>
/// Hostile user text where users type: search, suggest and tag prefixes, filters and ids in queries;
/// review bodies, trailer URLs, tags and title fields in mutations, from callers with any credential.
/// </summary>
public static class HostileUserText
{
    private static readonly string[] TrailerUrls =
    [
        "https://www.youtube.com/embed/'onload='alert(1)", "https://www.youtube.com/watch?v=abc'\"><script>alert(1)</script>",
        "https://youtu.be/dQw4w9WgXcQ'", "https://www.youtube.com/watch?v=%27onload%3D%27alert(1)", "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "https://user:pass@www.youtube.com/watch?v=x", "https://www.youtube.com:8443/watch?v=x",
        "http://www.youtube.com/watch?v=x", "//www.youtube.com/watch?v=x", "https://www.youtube.com./watch?v=x", "https://уoutube.com/watch?v=x",
        "HTTPS://WWW.YOUTUBE.COM/WATCH?V=x", "https://vimeo.com/12345\"", "https://player.vimeo.com/video/1?x=<b>", "https://www.imdb.com/video/vi1'",
        "https://evil.example/x", "https://www.youtube.com/watch?v=\u202Egnp.exe", "https://www.youtube.com/embed/\u0000", "", " ",
        "https://www.youtube.com/watch?v=ok",
    ];

    /// <summary>Read-only queries with hostile text in every argument a user types.</summary>
    public static Gen<(string Query, string? Variables)> Reads(FuzzTargets targets) =>
        Gen.Select(Gen.Int[0, 9], HostileText.Any, Gen.Bool, (place, text, inline) =>
        {
            var (value, variables) = inline ? (HostileText.Literal(text), (string?)null) : ("$t", $"{{\"t\": {HostileText.Literal(text)}}}");
            var declaration = inline ? "" : place is 5 or 6 or 9 ? "query($t: ID!)" : "query($t: String!)";
            var query = place switch
            {
                0 => $"{{ search(query: {value}) {{ totalCount didYouMean nodes {{ id name }} edges {{ highlights {{ field snippet }} }} related {{ id }} }} }}",
                1 => $"{{ search(query: {value}, sort: NAME, facets: [GENRE, TAG, DECADE]) {{ totalCount facets {{ field values {{ value count }} }} }} }}",
                2 => $"{{ search(filter: {{ tags: [{value}], anyTags: [{value}], excludeTags: [{value}], genres: [{value}] }}) {{ totalCount }} }}",
                3 => $"{{ search(query: \"robot\", filter: {{ people: [{value}], contentRatings: [{value}], languages: [{value}] }}) {{ totalCount }} }}",
                4 => $"{{ suggest(prefix: {value}) {{ text kind titleId }} }}",
                5 => $"{{ title(id: {value}) {{ id name }} }}",
                6 => $"{{ node(id: {value}) {{ id }} }}",
                7 => $"{{ tags(prefix: {value}) {{ value count }} }}",
                8 => $"{{ suggest(prefix: {value}, first: 100) {{ text }} tags(prefix: {value}, first: 100) {{ value }} }}",
                _ => $"{{ reindexJob(id: {value}) {{ id state }} }}",
            };
            return ($"{declaration} {query}", variables);
        });

    /// <summary>
    /// Mutations with hostile text. With a valid token some succeed and change the store (allowed); anonymous
    /// and forged callers must change nothing.
    /// </summary>
    public static Gen<(string Query, string? Variables)> Writes(FuzzTargets targets) =>
        Gen.Select(Gen.Int[0, 8], HostileText.Any, HostileText.Short, Gen.OneOf(TrailerUrls), Gen.Int[-2, 12], (place, text, shortText, url, rating) =>
        {
            var titleId = HostileText.Literal(targets.TitleIds[Math.Abs(rating) % targets.TitleIds.Length]);
            var reviewId = HostileText.Literal(targets.ReviewIds[Math.Abs(rating) % targets.ReviewIds.Length]);
            var t = HostileText.Literal(text);
            return place switch
            {
                0 or 1 => Doc("mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id body rating } }",
                    $"{{\"input\": {{\"titleId\": {titleId}, \"rating\": {rating}, \"body\": {t}}}}}"),
                2 => Doc("mutation($id: ID!, $h: Boolean!) { voteReview(reviewId: $id, helpful: $h) { id helpfulVotes } }",
                    $"{{\"id\": {(rating % 2 == 0 ? reviewId : t)}, \"h\": {(rating > 5 ? "true" : "false")}}}"),
                3 or 4 => Doc($"mutation {{ addTrailer(titleId: {titleId}, input: {{ url: {HostileText.Literal(rating % 3 == 0 ? url + shortText : url)}, kind: TEASER, language: {HostileText.Literal(shortText)} }}) {{ id url embedUrl site }} }}", null),
                5 => Doc("mutation($tags: [String!]!) { setTags(titleId: " + titleId + ", tags: $tags) { id tags } }",
                    $"{{\"tags\": [{t}, {HostileText.Literal(shortText)}, {t}]}}"),
                6 => Doc("mutation($input: TitleInput!) { upsertTitle(input: $input) { id name } }",
                    $"{{\"input\": {{\"name\": {t}, \"synopsis\": {HostileText.Literal(shortText)}, \"alternateNames\": [{t}], \"tags\": [{HostileText.Literal(shortText)}]}}}}"),
                7 => Doc("mutation($input: TitleInput!) { upsertTitle(input: $input) { id addedAt availableUntil } }",
                    $"{{\"input\": {{\"id\": {titleId}, \"addedAt\": {HostileText.Literal(HostileArguments.Instants[Math.Abs(rating) % HostileArguments.Instants.Length])}, " +
                    $"\"availableUntil\": {HostileText.Literal(HostileArguments.Instants[(Math.Abs(rating) + 1) % HostileArguments.Instants.Length])}}}}}"),
                _ => Doc($"mutation {{ removeTrailer(id: {t}) }}", null),
            };
        });
}
