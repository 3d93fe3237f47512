namespace Catalog.Core;

/// <summary>The clock behind <c>Catalog:Clock:Now</c>: it always answers the configured instant.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    /// <summary>The configured fixed clock, or the system clock when none is configured.</summary>
    public static TimeProvider From(ClockOptions options) =>
        options.Now is { } fixedNow ? new FixedTimeProvider(fixedNow) : System;
}
