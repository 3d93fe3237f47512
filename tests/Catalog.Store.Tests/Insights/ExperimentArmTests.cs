using Catalog.Store.Insights;

namespace Catalog.Store.Tests.Insights;

/// <summary>Sessions are split by a stable hash of the experiment id and the session key.</summary>
public sealed class ExperimentArmTests
{
    private static Experiment NewExperiment(long id, double share) => new() { Id = id, Name = "e", VariantSettings = "{}", TrafficShare = share };

    private static readonly string[] Keys = [.. Enumerable.Range(0, 4000).Select(i => $"session-key-{i:D6}")];

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void The_variant_gets_close_to_its_traffic_share_of_sessions(double share)
    {
        var variant = Keys.Count(k => NewExperiment(7, share).ArmOf(k) == Experiment.Variant) / (double)Keys.Length;
        Assert.InRange(variant, share - 0.03, share + 0.03); // more than 4 standard deviations at 4000 sessions
    }

    [Fact]
    public void A_session_keeps_its_arm_and_another_experiment_splits_anew()
    {
        var (first, again, other) = (NewExperiment(7, 0.5), NewExperiment(7, 0.5), NewExperiment(8, 0.5));
        Assert.All(Keys, k => Assert.Equal(first.ArmOf(k), again.ArmOf(k)));
        var same = Keys.Count(k => first.ArmOf(k) == other.ArmOf(k)) / (double)Keys.Length;
        Assert.InRange(same, 0.45, 0.55); // independent: agreeing half the time, not always
    }
}
