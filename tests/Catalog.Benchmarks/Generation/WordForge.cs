using System.Text;

namespace Catalog.Benchmarks.Generation;

/// <summary>Pronounceable made-up words (deterministic for a seed) that pad the real vocabulary to size.</summary>
internal static class WordForge
{
    private static readonly string[] Onsets =
        ["b", "br", "c", "ch", "cr", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pr", "r", "s", "sh", "st", "t", "th", "tr", "v", "w", "z"];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"];
    private static readonly string[] Codas = ["", "", "n", "r", "s", "l", "th", "nd", "st", "x", "m", "rk"];

    public static List<string> Words(Random random, int count, int minSyllables, int maxSyllables, ISet<string> taken)
    {
        var words = new List<string>(count);
        var builder = new StringBuilder();
        while (words.Count < count)
        {
            builder.Clear();
            var syllables = random.Next(minSyllables, maxSyllables + 1);
            for (var i = 0; i < syllables; i++)
            {
                builder.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
                if (i == syllables - 1 || random.Next(3) == 0)
                    builder.Append(Codas[random.Next(Codas.Length)]);
            }

            var word = builder.ToString();
            if (word.Length >= 3 && taken.Add(word))
                words.Add(word);
        }

        return words;
    }

    public static string Capitalized(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
