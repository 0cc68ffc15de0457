namespace ContextCleaner.EndToEnd.Tests.Support;

/// <summary>A row of the <c>events</c> table (every kind but API requests), attributes parsed.</summary>
internal sealed record StoredEvent(
    string Kind,
    int? StatusCode,
    string? ErrorMessage,
    int? Attempt,
    string? ToolName,
    bool? ToolSuccess,
    string? RequestId,
    IReadOnlyDictionary<string, string> Attributes)
{
    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);
}
