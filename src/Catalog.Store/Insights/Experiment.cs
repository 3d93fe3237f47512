using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Catalog.Core.Search;

namespace Catalog.Store.Insights;

/// <summary>
/// A ranking experiment: viewers with a session key are split by a stable hash between the control arm
/// (<see cref="Control"/>, today's ranking) and the variant arm (<see cref="Variant"/>, ranked with <see cref="Settings"/>).
/// </summary>
public sealed class Experiment
{
    public const string Control = "A";
    public const string Variant = "B";
    public const int MaxNameLength = 100;
    public const int MaxSettingsLength = 1000;

    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public long Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The variant arm's <see cref="RankingVariant"/> as JSON (knobs added later need no migration).</summary>
    public required string VariantSettings { get; init; }

    /// <summary>Share of sessions (0..1, both excluded) assigned to the variant arm; the others are the control arm.</summary>
    public double TrafficShare { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime? StoppedAt { get; set; }

    public bool IsRunning => StoppedAt is null;

    public RankingVariant Settings => JsonSerializer.Deserialize<RankingVariant>(VariantSettings, SettingsJson) ?? RankingVariant.Default;

    public static string SettingsText(RankingVariant settings) => JsonSerializer.Serialize(settings, SettingsJson);

    /// <summary>
    /// The arm of a session: the first 8 bytes of SHA-256 over the experiment id and the session key, as a fraction
    /// of 2^64, below the traffic share is the variant. Stable for a session within an experiment and independent
    /// between experiments; the same on every replica.
    /// </summary>
    public string ArmOf(string sessionKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Id}:{sessionKey}"));
        var fraction = BinaryPrimitives.ReadUInt64BigEndian(hash) / 18446744073709551616.0;
        return fraction < TrafficShare ? Variant : Control;
    }
}
