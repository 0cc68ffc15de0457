using System.Text;

namespace ContextCleaner.TestCorpus;

/// <summary>
/// A deterministic pool of file/command-like text (code, logs, JSON, Windows paths, tabs, quotes, backslashes,
/// ANSI escapes, non-ASCII and astral characters) from which tool-result bodies are sliced.
/// </summary>
internal sealed class TextPool
{
    private const int PoolChars = 512 * 1024;

    private static readonly string[] Words =
    [
        "order", "invoice", "ledger", "account", "session", "token", "cache", "report", "price", "window",
        "buffer", "parser", "record", "batch", "queue", "worker", "client", "schema", "import", "export",
    ];

    private static readonly string[] Unicode =
    [
        "Größe", "naïve café", "日本語のテキスト", "Привет, мир", "→ ✓ ✗", "Ωmega—β", "emoji 🚀 done", "çà et là", "ß", "中文注释",
    ];

    private readonly string pool;

    public TextPool(Prng rng)
    {
        var sb = new StringBuilder(PoolChars + 512);
        while (sb.Length < PoolChars)
        {
            AppendLine(sb, rng);
        }

        pool = sb.ToString();
    }

    public static string Word(Prng rng) => rng.Pick(Words);

    /// <summary>About <paramref name="length"/> characters starting at a line start, never splitting a surrogate pair.</summary>
    public string Slice(Prng rng, int length)
    {
        length = Math.Clamp(length, 1, PoolChars / 2);
        var start = pool.IndexOf('\n', rng.Next(0, PoolChars - length - 1)) + 1;
        if (start <= 0 || start + length > pool.Length)
        {
            start = 0;
        }

        var end = start + length;
        if (char.IsHighSurrogate(pool[end - 1]))
        {
            end--;
        }

        return pool[start..end];
    }

    private static void AppendLine(StringBuilder sb, Prng rng)
    {
        var a = Word(rng);
        var b = Word(rng);
        var n = rng.Next(0, 100_000);
        switch (rng.Next(0, 10))
        {
            case 0:
                sb.Append("\tpublic async Task<").Append(Cap(a)).Append("> Get").Append(Cap(b)).Append("Async(string ")
                    .Append(a).Append("Id, CancellationToken ct = default)\n");
                break;
            case 1:
                sb.Append("\t\tvar ").Append(a).Append(" = await _").Append(b).Append("Store.LoadAsync(\"")
                    .Append(a).Append('/').Append(n).Append("\", ct);\n");
                break;
            case 2:
                sb.Append("\t\tthrow new InvalidOperationException($\"").Append(rng.Pick(Unicode))
                    .Append(": \\\"{").Append(b).Append("}\\\" not found\");\n");
                break;
            case 3:
                sb.Append("    def ").Append(a).Append('_').Append(b).Append("(self, ").Append(a)
                    .Append("):\n        return {\"").Append(b).Append("\": ").Append(n).Append(", \"path\": r\"C:\\Users\\dev\\")
                    .Append(a).Append('\\').Append(b).Append(".json\"}\n");
                break;
            case 4:
                sb.Append("2025-10-").Append((n % 28) + 1).Append(" 12:").Append(n % 60).Append(':').Append(n % 57)
                    .Append(" [INFO] ").Append(a).Append("-svc: processed ").Append(n).Append(' ').Append(b)
                    .Append("s in ").Append(n % 997).Append(" ms\n");
                break;
            case 5:
                sb.Append("{\"id\": ").Append(n).Append(", \"name\": \"").Append(a).Append(' ').Append(rng.Pick(Unicode))
                    .Append("\", \"tags\": [\"").Append(b).Append("\", \"x\\ty\"], \"ok\": true}\n");
                break;
            case 6:
                sb.Append("\u001b[32m✓\u001b[0m ").Append(Cap(a)).Append(Cap(b)).Append("Tests.Handles_")
                    .Append(Cap(b)).Append(" (").Append(n % 400).Append(" ms)\n");
                break;
            case 7:
                sb.Append("// TODO(").Append(a).Append("): ").Append(rng.Pick(Unicode)).Append(" — keep the ")
                    .Append(b).Append(" cache in sync\n");
                break;
            case 8:
                sb.Append('\n');
                break;
            default:
                sb.Append("\t\tif (").Append(a).Append(" is null || ").Append(a).Append(".Count > ").Append(n % 512)
                    .Append(")\n\t\t{\n\t\t\treturn Results.BadRequest(\"").Append(b).Append("\");\n\t\t}\n");
                break;
        }
    }

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
