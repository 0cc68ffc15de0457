namespace ContextCleaner.Core;

/// <summary>
/// A failure the user can act on: rendered as one line, with <see cref="ExitCode"/> as the process exit code.
/// Anything else that escapes is a bug and shows details only with <c>--verbose</c>.
/// </summary>
public sealed class ContextCleanerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContextCleanerException(string message, int exitCode = 1, Exception? innerException = null)
        : base(message, innerException) => ExitCode = exitCode;

    /// <summary>Creates the exception with exit code 1.</summary>
    public ContextCleanerException() : this("ContextCleaner failed.") { }

    /// <summary>Creates the exception with exit code 1.</summary>
    public ContextCleanerException(string message) : this(message, 1) { }

    /// <summary>Creates the exception with exit code 1.</summary>
    public ContextCleanerException(string message, Exception innerException) : this(message, 1, innerException) { }

    /// <summary>Process exit code.</summary>
    public int ExitCode { get; }
}
