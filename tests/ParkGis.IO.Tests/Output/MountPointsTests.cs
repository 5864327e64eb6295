using ParkGis.IO.Files;
using ParkGis.IO.Output;

namespace ParkGis.IO.Tests.Output;

public sealed class MountPointsTests
{
    [Fact]
    public void A_mount_point_with_a_space_and_Chinese_letters_is_decoded_from_its_octal_escapes()
    {
        var line = @"431 27 0:55 / /data/园区\040成果 rw,relatime shared:233 - tmpfs parkgis-test rw";

        Assert.Equal("/data/园区 成果", MountPoints.MountPointOf(line));
    }

    [Fact]
    public void The_root_folder_is_a_mount_point_and_a_fresh_temporary_folder_is_not()
    {
        using var folder = new TestFolder();

        Assert.True(MountPoints.Contains("/") || !OperatingSystem.IsLinux());
        Assert.False(MountPoints.Contains(RealPath.Of(folder.Path)));
    }
}
