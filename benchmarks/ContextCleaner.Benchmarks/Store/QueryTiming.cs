namespace ContextCleaner.Benchmarks.Store;

/// <summary>Latency of one analytics query over its timed repetitions, and how many rows it returned.</summary>
internal sealed record QueryTiming(string Name, double MedianMs, double MinMs, long Rows);
