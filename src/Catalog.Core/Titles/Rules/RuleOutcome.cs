namespace Catalog.Core.Titles.Rules;

/// <summary>What a broken rule does to the write.</summary>
public enum RuleMode
{
    /// <summary>Imports: a bad optional value is dropped with a warning, the rest of the title is kept.</summary>
    Lenient,

    /// <summary>Curator edits: any broken rule refuses the whole write.</summary>
    Strict,
}

/// <summary>The result of <see cref="TitleRules.Check"/>: accepted when <see cref="Refusal"/> is null.</summary>
public sealed record TitleCheck(string? Refusal, IReadOnlyList<string> Warnings);

/// <summary>Collects the outcome of one check in one mode.</summary>
internal sealed class RuleOutcome(RuleMode mode, IReadOnlySet<string> fields)
{
    public string? Refusal { get; private set; }

    public List<string> Warnings { get; } = [];

    public bool Refused => Refusal is not null;

    /// <summary>True when the check covers the <see cref="Title"/> property (the write sets it).</summary>
    public bool Covers(string property) => fields.Contains(property);

    public void Refuse(string reason) => Refusal ??= reason;

    /// <summary>
    /// A bad optional value: strict refuses; lenient warns and returns true, and the caller drops the value
    /// (<paramref name="repair"/> says how, "dropped" unless the value is cut short instead).
    /// </summary>
    public bool Drop(string problem, string repair = "dropped")
    {
        if (mode == RuleMode.Strict)
        {
            Refuse(problem);
            return false;
        }

        Warnings.Add($"{problem}; {repair}");
        return true;
    }

    public TitleCheck Result() => new(Refusal, Warnings);
}
