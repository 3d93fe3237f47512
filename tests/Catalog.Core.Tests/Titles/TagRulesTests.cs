using Catalog.Core.Titles.Rules;

namespace Catalog.Core.Tests.Titles;

public sealed class TagRulesTests
{
    [Theory]
    [InlineData("Dark Comedy", "dark comedy")]
    [InlineData("  Dark   Comedy ", "dark comedy")]
    [InlineData("dark\tcomedy", "dark comedy")]
    [InlineData("dark\r\ncomedy", "dark comedy")]
    [InlineData("dark \u00A0comedy", "dark comedy")]
    [InlineData("dark\u00A0comedy", "dark comedy")]
    [InlineData("Élan Vital", "élan vital")]
    [InlineData("space", "space")]
    public void Whitespace_is_trimmed_and_collapsed_to_single_spaces_and_letters_lower_cased(string tag, string expected) =>
        Assert.Equal(expected, TagRules.Normalize(tag));
}
