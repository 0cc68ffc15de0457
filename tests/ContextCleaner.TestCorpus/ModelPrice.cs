namespace ContextCleaner.TestCorpus;

/// <summary>List prices of one model; <see cref="LongContext"/> is null when the model has no &gt;200k tier.</summary>
internal sealed record ModelPrice(string Model, Rates Base, Rates? LongContext);
