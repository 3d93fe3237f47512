using Catalog.Core.Changes;
using Catalog.Core.Reviews;
using Catalog.Core.Titles;
using Catalog.Store.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Catalog.Store;

/// <summary>
/// The store of record. Provider-neutral model; each provider derives a context that carries its own
/// migrations (<see cref="SqliteCatalogDbContext"/>, <see cref="PostgresCatalogDbContext"/>). Every save
/// appends change-log rows for what it writes, inside the same transaction (<see cref="ChangeLogRecorder"/>).
/// </summary>
public abstract class CatalogDbContext(DbContextOptions options, TimeProvider clock) : DbContext(options)
{
    public DbSet<Title> Titles => Set<Title>();
    public DbSet<Trailer> Trailers => Set<Trailer>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewVote> ReviewVotes => Set<ReviewVote>();
    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();
    public DbSet<ChangeLogWatermark> CompactionWatermark => Set<ChangeLogWatermark>();
    public DbSet<SearchEvent> SearchEvents => Set<SearchEvent>();
    public DbSet<SearchClick> SearchClicks => Set<SearchClick>();
    public DbSet<Experiment> Experiments => Set<Experiment>();

    public TimeProvider Clock => clock;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var owned = Database.CurrentTransaction is null;
        await using var transaction = owned ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await ChangeLogRecorder.RecordAsync(this, cancellationToken);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// Brings this provider's database to the latest migration, then runs <paramref name="exclusively"/>
    /// before letting another process migrate (see <see cref="StoreInitializer"/>).
    /// </summary>
    internal abstract Task MigrateAsync(Func<CancellationToken, Task> exclusively, CancellationToken cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Title>(title =>
        {
            title.HasKey(t => t.Id);
            title.Property(t => t.Id).HasMaxLength(128);
            title.Property(t => t.Name).HasMaxLength(Title.MaxNameLength);
            title.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
            title.Property(t => t.ContentRating).HasMaxLength(32);
            title.Property(t => t.ImdbId).HasMaxLength(16);
            title.Property(t => t.TmdbId).HasMaxLength(16);
            title.Ignore(t => t.RatingAverage);
            title.Ignore(t => t.ImportedRatingSum);
            title.Ignore(t => t.ImportedRatingCount);
            title.Ignore(t => t.EffectiveReleaseDate);
            title.HasIndex(t => t.AddedAt);
            title.HasIndex(t => t.ImdbId);
            title.HasMany(t => t.Trailers).WithOne().HasForeignKey(tr => tr.TitleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Trailer>(trailer =>
        {
            trailer.HasKey(t => t.Id);
            trailer.Property(t => t.Id).HasMaxLength(64);
            trailer.Property(t => t.Url).HasMaxLength(2048);
            trailer.Property(t => t.EmbedUrl).HasMaxLength(2048);
            trailer.Property(t => t.Site).HasConversion<string>().HasMaxLength(16);
            trailer.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
            trailer.Property(t => t.Language).HasMaxLength(16);
        });

        modelBuilder.Entity<Review>(review =>
        {
            review.HasKey(r => r.Id);
            review.Property(r => r.Id).HasMaxLength(64);
            review.Property(r => r.AuthorId).HasMaxLength(128);
            review.Property(r => r.AuthorName).HasMaxLength(200);
            review.Property(r => r.Body).HasMaxLength(Review.MaxBodyLength);
            review.HasOne<Title>().WithMany().HasForeignKey(r => r.TitleId).OnDelete(DeleteBehavior.Cascade);
            review.HasIndex(r => new { r.TitleId, r.CreatedAt });
            review.HasIndex(r => new { r.TitleId, r.AuthorId });
        });

        modelBuilder.Entity<ReviewVote>(vote =>
        {
            vote.HasKey(v => new { v.ReviewId, v.VoterId });
            vote.Property(v => v.VoterId).HasMaxLength(128);
            vote.HasOne<Review>().WithMany().HasForeignKey(v => v.ReviewId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ChangeLogEntry>(entry =>
        {
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedOnAdd();
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.Operation).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.TitleId).HasMaxLength(128);
            entry.Property(e => e.EntityId).HasMaxLength(300);
            // Compaction asks "is there a later entry for this title?" for every old entry.
            entry.HasIndex(e => new { e.TitleId, e.Sequence });
        });

        modelBuilder.Entity<ChangeLogWatermark>(watermark =>
        {
            watermark.ToTable("ChangeLogWatermark");
            watermark.HasKey(w => w.Id);
            watermark.Property(w => w.Id).ValueGeneratedNever();
            watermark.HasData(new ChangeLogWatermark { Id = ChangeLogWatermark.RowId, CompactedThrough = 0 });
        });

        InsightsModel.Configure(modelBuilder);
    }

    /// <summary>Instants go in and come out as UTC whatever the provider keeps.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
