using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Infrastructure;

/// <summary>
/// The few services commands need, handed to Spectre.Console.Cli without a DI container: instances are registered
/// as they are, types are built through their widest constructor from registered services.
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, Func<object>> _factories = [];

    public void Register(Type service, Type implementation) => _factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var value = new Lazy<object>(factory);
        _factories[service] = () => value.Value;
    }

    public ITypeResolver Build() => new TypeResolver(this);

    internal object? Resolve(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (_factories.TryGetValue(type, out var factory))
        {
            return factory();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            // Spectre asks for optional services (help providers, interceptors) as collections.
            var item = type.GetGenericArguments()[0];
            var registered = _factories.TryGetValue(item, out var one) ? new[] { one() } : [];
            var array = Array.CreateInstance(item, registered.Length);
            Array.Copy(registered, array, registered.Length);
            return array;
        }

        return type.IsAbstract || type.IsInterface ? null : Create(type);
    }

    private object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters()
            .Select(p => Resolve(p.ParameterType) ?? throw new InvalidOperationException($"No service {p.ParameterType.Name} for {type.Name}."))
            .ToArray();
        return constructor.Invoke(arguments);
    }
}
