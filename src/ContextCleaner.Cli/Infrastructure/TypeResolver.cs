using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Infrastructure;

/// <summary>Resolves types for Spectre.Console.Cli from <see cref="TypeRegistrar"/>.</summary>
internal sealed class TypeResolver(TypeRegistrar registrar) : ITypeResolver
{
    public object? Resolve(Type? type) => registrar.Resolve(type);
}
