using BenchmarkDotNet.Running;
using ContextCleaner.Benchmarks;
using ContextCleaner.Benchmarks.Store;

// In-process benchmarks; whole-process timings against ccusage are in run.sh.
switch (args.FirstOrDefault())
{
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(LineParserBenchmarks).Assembly).Run(args[1..]);
        break;
    case "phases" or "parse-only" when args.Length >= 3:
        await ImportPhases.RunAsync(args);
        break;
    case "warm" when args.Length >= 2:
        await WarmProbe.RunAsync(args[1]);
        break;
    case "serve-probe":
        await ServeBenchmark.ProbeAsync();
        break;
    case "serve":
        await ServeBenchmark.RunAsync(args);
        break;
    case "store":
        return await StoreBenchmark.RunAsync(args);
    case "plain-check" when args.Length >= 2:
        return PlainPathCheck.Run(args[1]);
    case "parse-probe" when args.Length >= 2:
        ParseProbe.Run(args[1]);
        break;
    default:
        Console.Error.WriteLine("usage: bdn [BenchmarkDotNet args] | phases|parse-only PROJECTS STORE [REPS] [--allocations] | warm STORE | parse-probe FILE | plain-check DIR | serve [SECONDS] [SENDERS] [PROMPTS_PER_BODY] | "
            + StoreBenchmarkOptions.Usage);
        return 2;
}

return 0;
