using RefundSaver.ServiceDefaults;

namespace RefundSaver.UnitTests.ServiceDefaults;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("owner-only-").FullName;

    [Fact]
    public void CreateOptions_WhenCreatingTheFile_ShouldGiveOpenTheOwnerOnlyModeAndRefuseAnExistingFile()
    {
        var options = OwnerOnlyFile.CreateOptions();

        options.UnixCreateMode.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        options.Mode.ShouldBe(FileMode.CreateNew);
    }

    [Fact]
    public void WriteAllText_WhenTheFileIsNew_ShouldWriteItOwnerOnlyAndLeaveNoTemporaryFile()
    {
        var path = Path.Combine(_directory, "secret");

        OwnerOnlyFile.WriteAllText(path, "s3cret");

        File.ReadAllText(path).ShouldBe("s3cret");
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.GetFiles(_directory).ShouldBe([path]);
    }

    [Fact]
    public void WriteAllText_WhenTheFileExistsOpenToOthers_ShouldReplaceItWithAnOwnerOnlyOne()
    {
        var path = Path.Combine(_directory, "secret");
        File.WriteAllText(path, "old and longer");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        OwnerOnlyFile.WriteAllText(path, "new");

        File.ReadAllText(path).ShouldBe("new");
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
