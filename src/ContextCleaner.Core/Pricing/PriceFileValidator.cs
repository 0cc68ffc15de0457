using System.Globalization;

namespace ContextCleaner.Core.Pricing;

/// <summary>Turns a parsed <c>prices.json</c> entry into a <see cref="ModelPrice"/>, collecting every problem.</summary>
internal static class PriceFileValidator
{
    public static ModelPrice? ToModelPrice(PriceFileModel model, string path, List<string> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(model.Id))
        {
            errors.Add($"{path}.id is missing");
        }

        var label = model.Id is null ? path : $"{path} ({model.Id})";
        var effectiveFrom = DateOnly.MinValue;
        if (model.EffectiveFrom is not null
            && !DateOnly.TryParseExact(model.EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out effectiveFrom))
        {
            errors.Add($"{label}.effectiveFrom \"{model.EffectiveFrom}\" is not YYYY-MM-DD");
        }

        var rates = ToRates(model.PerMillionTokens, $"{label}.perMillionTokens", errors);
        LongContextTier? tier = null;
        if (model.LongContext is { } longContext)
        {
            var tierRates = ToRates(longContext.PerMillionTokens, $"{label}.longContext.perMillionTokens", errors);
            if (longContext.ThresholdTokens is not > 0)
            {
                errors.Add($"{label}.longContext.thresholdTokens must be a positive number");
            }
            else if (tierRates is not null)
            {
                tier = new LongContextTier(longContext.ThresholdTokens.Value, tierRates);
            }
        }

        if (model.FastMultiplier is <= 0)
        {
            errors.Add($"{label}.fastMultiplier must be positive");
        }

        if (errors.Count > before || rates is null)
        {
            return null;
        }

        return new ModelPrice
        {
            Id = model.Id!,
            Aliases = model.Aliases ?? [],
            EffectiveFrom = effectiveFrom,
            Rates = rates,
            LongContext = tier,
            FastMultiplier = model.FastMultiplier,
            Source = model.Source,
        };
    }

    private static PriceRates? ToRates(PriceFileRates? rates, string path, List<string> errors)
    {
        if (rates is null)
        {
            errors.Add($"{path} is missing");
            return null;
        }

        var input = Required(rates.Input, $"{path}.input", errors);
        var output = Required(rates.Output, $"{path}.output", errors);
        var write5m = Required(rates.CacheWrite5m, $"{path}.cacheWrite5m", errors);
        var write1h = Required(rates.CacheWrite1h, $"{path}.cacheWrite1h", errors);
        var read = Required(rates.CacheRead, $"{path}.cacheRead", errors);
        return input is null || output is null || write5m is null || write1h is null || read is null
            ? null
            : new PriceRates(input.Value, output.Value, write5m.Value, write1h.Value, read.Value);
    }

    private static decimal? Required(decimal? value, string path, List<string> errors)
    {
        if (value is null)
        {
            errors.Add($"{path} is missing");
        }
        else if (value < 0)
        {
            errors.Add($"{path} is negative ({value.Value.ToString(CultureInfo.InvariantCulture)})");
        }

        return value;
    }
}
