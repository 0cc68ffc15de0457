using ContextCleaner.Core.Pricing;
using Shouldly;

namespace ContextCleaner.Core.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void CoreAssembly_References_NoStoreDriverUiOrWebFramework()
    {
        // Core holds the event model, ingestion, pricing and analytics; DuckDB, ClickHouse, Spectre.Console and
        // ASP.NET Core are fenced off in their own projects (STYLE.md, "Layout").
        string[] banned = ["DuckDB", "Spectre", "Microsoft.AspNetCore", "ClickHouse"];
        var core = typeof(PriceTable).Assembly;

        var references = core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        core.GetName().Name.ShouldBe("ContextCleaner.Core");
        references.ShouldContain("System.IO.Hashing");   // the list is real: a known dependency shows up
        references.Where(name => banned.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))).ShouldBeEmpty();
    }
}
