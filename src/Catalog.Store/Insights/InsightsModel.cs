using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Insights;

/// <summary>The insights tables: their own rows, no foreign key to titles (a deleted title keeps its history).</summary>
internal static class InsightsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SearchEvent>(search =>
        {
            search.ToTable("SearchEvents");
            search.HasKey(s => s.Id);
            search.Property(s => s.Id).HasMaxLength(32);
            search.Property(s => s.Query).HasMaxLength(SearchEvent.MaxQueryLength);
            search.Property(s => s.Filters).HasMaxLength(SearchEvent.MaxFiltersLength);
            search.Property(s => s.Replica).HasMaxLength(SearchEvent.MaxReplicaLength);
            search.HasIndex(s => s.Day);
            search.HasIndex(s => s.At);
            search.Property(s => s.Arm).HasMaxLength(8);
            search.HasIndex(s => new { s.ExperimentId, s.Arm });
        });

        modelBuilder.Entity<Experiment>(experiment =>
        {
            experiment.ToTable("Experiments");
            experiment.HasKey(e => e.Id);
            experiment.Property(e => e.Id).ValueGeneratedOnAdd();
            experiment.Property(e => e.Name).HasMaxLength(Experiment.MaxNameLength);
            experiment.Property(e => e.VariantSettings).HasMaxLength(Experiment.MaxSettingsLength);
            experiment.Ignore(e => e.IsRunning);
            experiment.Ignore(e => e.Settings);
        });

        modelBuilder.Entity<SearchClick>(click =>
        {
            click.ToTable("SearchClicks");
            click.HasKey(c => c.Id);
            click.Property(c => c.Id).ValueGeneratedOnAdd();
            click.Property(c => c.SearchId).HasMaxLength(32);
            click.Property(c => c.TitleId).HasMaxLength(128);
            click.HasOne<SearchEvent>().WithMany().HasForeignKey(c => c.SearchId).OnDelete(DeleteBehavior.Cascade);
            click.HasIndex(c => c.At);
        });
    }
}
