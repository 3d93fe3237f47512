using System.Text.RegularExpressions;
using Catalog.Core.Titles;
using Catalog.Core.Trailers;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Writes;

/// <summary>Curator edits of trailer links, checked against the <see cref="TrailerUrlPolicy"/>.</summary>
public sealed partial class TrailerService(CatalogDbContext db, TrailerUrlPolicy policy)
{
    public const int MaxTrailersPerTitle = 50;

    /// <summary>Adds a trailer; adding a URL the title already has updates that trailer's kind and language.</summary>
    public async Task<Trailer> AddAsync(string titleId, string? url, TrailerKind kind, string? language, CancellationToken cancellationToken = default)
    {
        var link = policy.Check(url, out var reason) ?? throw WriteRejectedException.Invalid(reason);
        if (!Enum.IsDefined(kind))
            throw WriteRejectedException.Invalid("kind is not a known trailer kind.");
        var languageTag = LanguageTag(language);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Titles.AnyAsync(t => t.Id == titleId, cancellationToken))
            throw WriteRejectedException.NotFound($"There is no title '{titleId}'.");
        var existing = await db.Trailers.Where(t => t.TitleId == titleId).ToListAsync(cancellationToken);
        var trailer = existing.FirstOrDefault(t => t.Url == link.Url);
        if (trailer is null)
        {
            if (existing.Count >= MaxTrailersPerTitle)
                throw WriteRejectedException.Invalid($"A title can have at most {MaxTrailersPerTitle} trailers.");
            trailer = new Trailer { Id = "trailer-" + Guid.NewGuid().ToString("N"), TitleId = titleId, Url = link.Url };
            db.Trailers.Add(trailer);
        }

        (trailer.Site, trailer.EmbedUrl, trailer.Kind, trailer.Language) = (link.Site, link.EmbedUrl, kind, languageTag);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return trailer;
    }

    /// <summary>Removes a trailer; false when there is none with that id.</summary>
    public async Task<bool> RemoveAsync(string trailerId, CancellationToken cancellationToken = default)
    {
        var trailer = await db.Trailers.SingleOrDefaultAsync(t => t.Id == trailerId, cancellationToken);
        if (trailer is null)
            return false;
        db.Trailers.Remove(trailer);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string? LanguageTag(string? language)
    {
        var text = language?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        return LanguageTagPattern().IsMatch(text)
            ? text
            : throw WriteRejectedException.Invalid($"language '{text}' is not a language tag such as 'en' or 'pt-BR'.");
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTagPattern();
}
