using ContextCleaner.Core.Events;
using Shouldly;

namespace ContextCleaner.Core.Tests.Events;

public sealed class MetricTemporalityNamesTests
{
    [Theory]
    [InlineData(MetricTemporality.Delta, "delta")]
    [InlineData(MetricTemporality.Cumulative, "cumulative")]
    [InlineData(MetricTemporality.Unspecified, "unspecified")]
    public void ToNameAndFromName_EveryTemporality_RoundTripThroughTheStoredName(MetricTemporality temporality, string name)
    {
        MetricTemporalityNames.ToName(temporality).ShouldBe(name);
        MetricTemporalityNames.FromName(name).ShouldBe(temporality);
    }

    [Fact]
    public void FromName_UnknownName_IsUnspecified()
    {
        MetricTemporalityNames.FromName("gauge").ShouldBe(MetricTemporality.Unspecified);
    }
}
