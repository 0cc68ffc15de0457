using System.Globalization;
using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>Console commands: generate, check, long-context.</summary>
internal static class CorpusCli
{
    public const string Usage =
        "usage: ContextCleaner.TestCorpus generate --out DIR --sessions N --messages-per-session M --seed S [--projects P] [--start-date YYYY-MM-DD] [--days D]\n"
        + "       ContextCleaner.TestCorpus check TRUTH [--daily F] [--session F] [--blocks F] [--cost-key cost_usd|cost_usd_ccusage]\n"
        + "       ContextCleaner.TestCorpus long-context TRUTH\n"
        + "       ContextCleaner.TestCorpus compare TRUTH OURS_DAILY CCUSAGE_DAILY OURS_SESSION CCUSAGE_SESSION";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return args.Length == 0 ? Fail(stderr, "missing command") : args[0] switch
            {
                "generate" => Generate(args, stdout),
                "check" => Check(args, stdout),
                "long-context" => LongContextReport.Print(Single(new ArgReader(args, 1, []), "TRUTH"), stdout),
                "compare" when args.Length == 6 => Report(CcusageComparison.Compare(args[1], args[2], args[3], args[4], args[5], stdout), stdout),
                "-h" or "--help" or "help" => Help(stdout),
                _ => Fail(stderr, "unknown command " + args[0]),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException or JsonException
            or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException)
        {
            stderr.WriteLine("error: " + e.Message.ReplaceLineEndings(" "));
            return 2;
        }
    }

    private static int Generate(string[] args, TextWriter stdout)
    {
        var a = new ArgReader(args, 1, ["--out", "--sessions", "--messages-per-session", "--seed", "--projects", "--start-date", "--days"]);
        if (a.Positionals.Count > 0)
        {
            throw new FormatException("unexpected argument " + a.Positionals[0]);
        }

        var defaults = new CorpusOptions { OutputDirectory = "." };
        var options = new CorpusOptions
        {
            OutputDirectory = a.Required("--out"),
            Sessions = a.Int("--sessions"),
            MessagesPerSession = a.Int("--messages-per-session"),
            Seed = a.Long("--seed"),
            Projects = a.Int("--projects", defaults.Projects),
            StartDate = a.Date("--start-date", defaults.StartDate),
            Days = a.Int("--days", defaults.Days),
        };
        var summary = CorpusGenerator.Generate(options);
        var c = summary.Counts;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {c["files"]} files, {c["lines"]} lines, {c["bytes"]} bytes to {summary.OutputDirectory}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"unique requests {c["unique_usage_messages"]}, tokens {summary.TotalTokens}, cost_usd {summary.CostUsd}, cost_usd_ccusage {summary.CostUsdCcusage}"));
        stdout.WriteLine("ground truth: " + summary.GroundTruthPath);
        return 0;
    }

    private static int Check(string[] args, TextWriter stdout)
    {
        var a = new ArgReader(args, 1, ["--daily", "--session", "--blocks", "--cost-key"]);
        var truth = Single(a, "TRUTH");
        var (daily, session, blocks) = (a.Get("--daily"), a.Get("--session"), a.Get("--blocks"));
        if (daily is null && session is null && blocks is null)
        {
            throw new FormatException("give at least one of --daily, --session, --blocks");
        }

        return Report(UsageTruthChecker.CheckFiles(truth, daily, session, blocks, a.Get("--cost-key") ?? UsageTruthChecker.CostUsd), stdout);
    }

    private static int Report(UsageCheckResult result, TextWriter stdout)
    {
        foreach (var line in result.Mismatches)
        {
            stdout.WriteLine(line);
        }

        if (result.Summary.Count > 0)
        {
            stdout.WriteLine("checks: " + string.Join(", ", result.Summary));
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Passed} passed, {result.Failed} failed"));
        return result.Success ? 0 : 1;
    }

    private static string Single(ArgReader a, string what) =>
        a.Positionals.Count == 1 ? a.Positionals[0] : throw new FormatException("expected exactly one " + what + " argument");

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return 0;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        stderr.WriteLine(Usage);
        return 2;
    }
}
