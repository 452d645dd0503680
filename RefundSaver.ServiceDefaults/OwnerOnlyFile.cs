using System.Text;

namespace RefundSaver.ServiceDefaults;

/// <summary>
/// Writes secret files (tokens, keys) readable by their owner only from the first byte: the file is
/// created with mode 0600 (never world-readable and then narrowed) under a temporary name in the same
/// directory, then renamed over the target, so a reader sees the old file or the whole new one.
/// </summary>
public static class OwnerOnlyFile
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteAllText(string path, string contents)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions()))
            {
                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(contents));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>How the temporary file is opened: a new file whose mode is given to open(2) itself.</summary>
    public static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // The umask can only take bits away, so the file is never more open than 0600.
            options.UnixCreateMode = Mode;
        }

        return options;
    }
}
