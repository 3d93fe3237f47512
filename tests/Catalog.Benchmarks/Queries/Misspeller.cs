using System.Text;

namespace Catalog.Benchmarks.Queries;

/// <summary>Typos as users make them: 1 edit in words of 4–7 letters, 1 or 2 in words of 8+; never the first letter.</summary>
internal static class Misspeller
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    public static bool CanMisspell(string word) => word.Length >= 4 && word.All(char.IsAsciiLetter);

    public static string Misspell(string word, Random random)
    {
        var edits = word.Length >= 8 && random.Next(2) == 0 ? 2 : 1;
        var lower = word.ToLowerInvariant();
        string result;
        do
        {
            result = lower;
            for (var i = 0; i < edits; i++)
                result = Edit(result, random);
        }
        while (result == lower);
        return result;
    }

    private static string Edit(string word, Random random)
    {
        var builder = new StringBuilder(word);
        var position = 1 + random.Next(word.Length - 1);
        switch (random.Next(3))
        {
            case 0:
                builder[position] = Letters[random.Next(Letters.Length)];
                break;
            case 1 when word.Length > 4:
                builder.Remove(position, 1);
                break;
            default:
                builder.Insert(position, Letters[random.Next(Letters.Length)]);
                break;
        }

        return builder.ToString();
    }
}
