namespace ContextCleaner.Core.Storage;

/// <summary>
/// Where the import of one file stopped. <see cref="Offset"/> is always just after a complete line; the fingerprint
/// (hash of the first <see cref="FingerprintLength"/> bytes) tells an appended file from a rewritten one.
/// </summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Size">File length when it was read.</param>
/// <param name="LastWriteUtc">Modification time when it was read.</param>
/// <param name="Offset">Bytes consumed: the next import starts here when the file only grew.</param>
/// <param name="Fingerprint">XxHash64 of the first <see cref="FingerprintLength"/> bytes.</param>
/// <param name="FingerprintLength">How many leading bytes the fingerprint covers.</param>
public sealed record FileCheckpoint(string Path, long Size, DateTime LastWriteUtc, long Offset, ulong Fingerprint, int FingerprintLength);
