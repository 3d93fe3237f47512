using Catalog.Core.Titles;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Import;

/// <summary>
/// Writes the fields a draft provides onto a stored title, touching only values that differ, so that
/// re-importing the same data leaves rows (and their UpdatedAt and change log) alone.
/// </summary>
internal static class TitleFields
{
    private sealed record Field(string Name, Func<Title, Title, bool> Same, Action<Title, Title> Copy);

    private static readonly Field[] Scalars =
    [
        Value(nameof(Title.Kind), t => t.Kind, (t, v) => t.Kind = v),
        Value(nameof(Title.Name), t => t.Name, (t, v) => t.Name = v),
        Value(nameof(Title.OriginalName), t => t.OriginalName, (t, v) => t.OriginalName = v),
        List(nameof(Title.AlternateNames), t => t.AlternateNames, (t, v) => t.AlternateNames = v),
        Value(nameof(Title.Synopsis), t => t.Synopsis, (t, v) => t.Synopsis = v),
        Value(nameof(Title.ReleaseDate), t => t.ReleaseDate, (t, v) => t.ReleaseDate = v),
        Value(nameof(Title.ReleaseYear), t => t.ReleaseYear, (t, v) => t.ReleaseYear = v),
        Value(nameof(Title.AddedAt), t => t.AddedAt, (t, v) => t.AddedAt = v),
        Value(nameof(Title.AvailableUntil), t => t.AvailableUntil, (t, v) => t.AvailableUntil = v),
        Value(nameof(Title.RuntimeMinutes), t => t.RuntimeMinutes, (t, v) => t.RuntimeMinutes = v),
        Value(nameof(Title.ContentRating), t => t.ContentRating, (t, v) => t.ContentRating = v),
        List(nameof(Title.Languages), t => t.Languages, (t, v) => t.Languages = v),
        List(nameof(Title.Countries), t => t.Countries, (t, v) => t.Countries = v),
        List(nameof(Title.Genres), t => t.Genres, (t, v) => t.Genres = v),
        List(nameof(Title.Tags), t => t.Tags, (t, v) => t.Tags = v),
        List(nameof(Title.Directors), t => t.Directors, (t, v) => t.Directors = v),
        List(nameof(Title.Cast), t => t.Cast, (t, v) => t.Cast = v),
        Value(nameof(Title.ImdbId), t => t.ImdbId, (t, v) => t.ImdbId = v),
        Value(nameof(Title.TmdbId), t => t.TmdbId, (t, v) => t.TmdbId = v),
        // Sources provide imported votes only; the reviews' share of the aggregate stays as it is.
        Value(nameof(Title.RatingSum), t => t.ImportedRatingSum, (t, v) => t.RatingSum = v + t.ReviewRatingSum),
        Value(nameof(Title.RatingCount), t => t.ImportedRatingCount, (t, v) => t.RatingCount = v + t.ReviewRatingCount),
    ];

    /// <summary>True when writing the draft would change the stored title.</summary>
    public static bool Differs(Title stored, TitleDraft draft) =>
        Provided(draft).Any(f => !f.Same(stored, draft.Title))
        || (draft.Fields.Contains(nameof(Title.Trailers)) && !SameTrailers(stored.Trailers, draft.Title.Trailers));

    /// <summary>Copies the draft's differing fields onto the tracked title; true when anything changed.</summary>
    public static bool Apply(CatalogDbContext db, Title stored, TitleDraft draft)
    {
        var changed = false;
        foreach (var field in Provided(draft).Where(f => !f.Same(stored, draft.Title)))
        {
            field.Copy(stored, draft.Title);
            changed = true;
        }

        if (draft.Fields.Contains(nameof(Title.Trailers)))
            changed |= SyncTrailers(db, stored, draft.Title.Trailers);
        return changed;
    }

    private static IEnumerable<Field> Provided(TitleDraft draft) => Scalars.Where(f => draft.Fields.Contains(f.Name));

    private static bool SyncTrailers(CatalogDbContext db, Title stored, List<Trailer> wanted)
    {
        var changed = false;
        foreach (var gone in stored.Trailers.Where(s => wanted.All(w => w.Id != s.Id)).ToList())
        {
            stored.Trailers.Remove(gone);
            db.Trailers.Remove(gone);
            changed = true;
        }

        foreach (var trailer in wanted)
        {
            var current = stored.Trailers.FirstOrDefault(s => s.Id == trailer.Id);
            if (current is null)
            {
                trailer.TitleId = stored.Id;
                stored.Trailers.Add(trailer);
                db.Trailers.Add(trailer);
                changed = true;
            }
            else if (!SameTrailer(current, trailer))
            {
                (current.Url, current.EmbedUrl, current.Site, current.Kind, current.Language) =
                    (trailer.Url, trailer.EmbedUrl, trailer.Site, trailer.Kind, trailer.Language);
                changed = true;
            }
        }

        return changed;
    }

    private static bool SameTrailers(List<Trailer> stored, List<Trailer> wanted) =>
        stored.Count == wanted.Count
        && wanted.All(w => stored.FirstOrDefault(s => s.Id == w.Id) is { } s && SameTrailer(s, w));

    private static bool SameTrailer(Trailer a, Trailer b) =>
        a.Url == b.Url && a.EmbedUrl == b.EmbedUrl && a.Site == b.Site && a.Kind == b.Kind && a.Language == b.Language;

    private static Field Value<T>(string name, Func<Title, T> get, Action<Title, T> set) =>
        new(name, (a, b) => EqualityComparer<T>.Default.Equals(get(a), get(b)), (to, from) => set(to, get(from)));

    private static Field List(string name, Func<Title, List<string>> get, Action<Title, List<string>> set) =>
        new(name, (a, b) => get(a).SequenceEqual(get(b), StringComparer.Ordinal), (to, from) => set(to, [.. get(from)]));
}
