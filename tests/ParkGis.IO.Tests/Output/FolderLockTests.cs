using System.Diagnostics;
using ParkGis.IO.Output;

namespace ParkGis.IO.Tests.Output;

/// <summary>The parent folder's lock (<see cref="FolderLock"/>) that serialises commits.</summary>
public sealed class FolderLockTests
{
    [Fact]
    public void A_process_started_while_the_lock_is_held_does_not_keep_the_lock_after_it_is_released()
    {
        // Attack: a process started while a run holds the lock (a test's parkgis, a browser) inherited the locked
        // descriptor and held the lock until it exited; a parkgis started so then waited on its own inherited lock for
        // the 2-minute timeout and failed with PG0402.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var folder = Path.Combine(Path.GetTempPath(), "parkgis-lock-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Process? child = null;
        try
        {
            using (var held = FolderLock.TryAcquire(folder, TimeSpan.FromSeconds(5)))
            {
                Assert.NotNull(held);
                child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
            }

            using var again = FolderLock.TryAcquire(folder, TimeSpan.FromMilliseconds(500));
            Assert.NotNull(again);
        }
        finally
        {
            child?.Kill();
            child?.WaitForExit();
            child?.Dispose();
            Directory.Delete(folder);
        }
    }
}
