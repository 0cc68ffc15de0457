using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>
/// API failures of one kind (<see cref="EventKind.ApiError"/> attempts or <see cref="EventKind.ApiRetriesExhausted"/>
/// final failures) with one status code, error type and model.
/// </summary>
/// <param name="Kind">Failure kind.</param>
/// <param name="StatusCode">HTTP status, when known.</param>
/// <param name="ErrorType">Error type (transcripts' <c>apiErrorType</c>, e.g. <c>overloaded_error</c>), when known.</param>
/// <param name="Model">Model, when known.</param>
/// <param name="Count">Number of failures.</param>
/// <param name="Sessions">Distinct sessions they happened in.</param>
/// <param name="MaxAttempt">Highest attempt number seen.</param>
/// <param name="FirstUtc">Earliest, UTC.</param>
/// <param name="LastUtc">Latest, UTC.</param>
public sealed record ErrorTally(EventKind Kind, int? StatusCode, string? ErrorType, string? Model, long Count, long Sessions, int? MaxAttempt,
    DateTime FirstUtc, DateTime LastUtc);
