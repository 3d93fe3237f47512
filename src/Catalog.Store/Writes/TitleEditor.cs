using Catalog.Core.Titles;
using Catalog.Core.Titles.Rules;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Writes;

/// <summary>Curator edits of titles; each is one transaction with its change-log rows.</summary>
public sealed class TitleEditor(CatalogDbContext db, TitleRules? rules = null)
{
    private readonly TitleRules rules = rules ?? new TitleRules();

    /// <summary>
    /// Creates the title (id given, or derived from name and year and made unique) or updates the fields
    /// the edit carries. Validation failures change nothing.
    /// </summary>
    public async Task<Title> UpsertAsync(TitleEdit edit, CancellationToken cancellationToken = default)
    {
        if (edit.Id is not null && TitleRules.IdProblem(edit.Id) is { } idProblem)
            throw WriteRejectedException.Invalid(idProblem + ".");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var title = edit.Id is null ? null : await db.Titles.SingleOrDefaultAsync(t => t.Id == edit.Id, cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (title is null)
        {
            var name = edit.Name?.Trim() ?? throw WriteRejectedException.Invalid("name is required to create a title.");
            title = new Title { Id = edit.Id ?? await FreeIdAsync(name, edit.ReleaseDate?.Year ?? edit.Year, cancellationToken), Name = name, AddedAt = now };
            TitleEditMapping.Apply(title, edit, now, rules);
            db.Titles.Add(title);
        }
        else
        {
            try
            {
                TitleEditMapping.Apply(title, edit, now, rules);
            }
            catch (WriteRejectedException)
            {
                // A refused edit leaves the tracked row as it was, so a later save in this scope cannot store half of it.
                db.Entry(title).CurrentValues.SetValues(db.Entry(title).OriginalValues);
                throw;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return title;
    }

    /// <summary>Replaces a title's tags with the normalised set (see <see cref="TagRules"/>).</summary>
    public async Task<Title> SetTagsAsync(string titleId, IEnumerable<string?> tags, CancellationToken cancellationToken = default)
    {
        var normalized = NormalizedTags(tags);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var title = await db.Titles.SingleOrDefaultAsync(t => t.Id == titleId, cancellationToken)
            ?? throw WriteRejectedException.NotFound($"There is no title '{titleId}'.");
        if (!title.Tags.SequenceEqual(normalized, StringComparer.Ordinal))
        {
            title.Tags = normalized;
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return title;
    }

    /// <summary>The tags as the rules store them, or the rules' refusal.</summary>
    private List<string> NormalizedTags(IEnumerable<string?> tags)
    {
        var candidate = new Title { Id = "tags", Name = "", Tags = [.. tags.Select(t => t ?? "")] };
        var check = rules.Check(candidate, new HashSet<string> { nameof(Title.Tags) }, db.Clock.GetUtcNow().UtcDateTime, RuleMode.Strict);
        return check.Refusal is null ? candidate.Tags : throw WriteRejectedException.Invalid(check.Refusal + ".");
    }

    /// <summary>The slug of name and year, suffixed -2, -3, … when another title has it.</summary>
    private async Task<string> FreeIdAsync(string name, int? year, CancellationToken cancellationToken)
    {
        var slug = TitleIds.Slug(name, year);
        var taken = await db.Titles.Where(t => t.Id == slug || t.Id.StartsWith(slug + "-")).Select(t => t.Id).ToListAsync(cancellationToken);
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var candidate = slug;
        for (var n = 2; used.Contains(candidate); n++)
        {
            var suffix = $"-{n}";
            candidate = slug[..Math.Min(slug.Length, TitleIds.MaxLength - suffix.Length)] + suffix;
        }

        return candidate;
    }
}
