using System.Globalization;
using System.IO.Hashing;
using System.Text.Json;

namespace ContextCleaner.Core.Pricing;

/// <summary>
/// Loads the price table shipped in the assembly (<c>Pricing/prices.json</c>) and merges a user file over it: an
/// entry with the same id and effective date replaces the shipped one, any other entry is added.
/// </summary>
public static class PriceTableLoader
{
    private const string ResourceName = "ContextCleaner.Core.Pricing.prices.json";

    /// <summary>The shipped table, with <paramref name="overridePath"/> merged over it when given.</summary>
    public static PriceTable Load(string? overridePath = null)
    {
        var shipped = ReadResource();
        var hash = new XxHash64();
        hash.Append(shipped);
        if (overridePath is null)
        {
            // The shipped table is tested; parse it only when a price is actually needed.
            return new PriceTable(() => Parse(shipped, "built-in prices.json"), Hex(hash));
        }

        byte[] user;
        try
        {
            user = File.ReadAllBytes(overridePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ContextCleanerException($"Cannot read price file {overridePath}: {e.Message}", 2, e);
        }

        var prices = Parse(shipped, "built-in prices.json");
        hash.Append([0]);
        hash.Append(user);
        return new PriceTable(Merge(prices, Parse(user, overridePath)), Hex(hash));
    }

    private static string Hex(XxHash64 hash) => hash.GetCurrentHashAsUInt64().ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Parses one <c>prices.json</c> document; every problem is reported in one message.</summary>
    internal static List<ModelPrice> Parse(ReadOnlySpan<byte> json, string origin)
    {
        PriceFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, PriceFileJsonContext.Default.PriceFile);
        }
        catch (JsonException e)
        {
            throw new ContextCleanerException($"{origin}: not a valid price file: {e.Message}", 2, e);
        }

        var errors = new List<string>();
        var prices = new List<ModelPrice>();
        var models = file?.Models ?? [];
        if (models.Count == 0)
        {
            errors.Add("no \"models\"");
        }

        for (var i = 0; i < models.Count; i++)
        {
            if (PriceFileValidator.ToModelPrice(models[i], $"models[{i}]", errors) is { } price)
            {
                prices.Add(price);
            }
        }

        if (errors.Count > 0)
        {
            throw new ContextCleanerException($"{origin}: {string.Join("; ", errors)}", 2);
        }

        return prices;
    }

    private static List<ModelPrice> Merge(List<ModelPrice> shipped, List<ModelPrice> user)
    {
        var replaced = user.Select(p => (p.Id, p.EffectiveFrom)).ToHashSet();
        return [.. shipped.Where(p => !replaced.Contains((p.Id, p.EffectiveFrom))), .. user];
    }

    private static byte[] ReadResource()
    {
        using var stream = typeof(PriceTableLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
