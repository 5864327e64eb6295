namespace ParkGis.Cli.Tests;

public sealed class ConcurrentWritesTests
{
    [Fact]
    public void A_failing_write_is_rethrown_as_thrown_after_the_other_write_has_ended()
    {
        using var firstStarted = new ManualResetEventSlim();
        var firstEnded = false;
        var error = Assert.Throws<IOException>(() => ConcurrentWrites.Run(
            () =>
            {
                firstStarted.Set();
                Thread.Sleep(200);
                firstEnded = true;
            },
            () =>
            {
                firstStarted.Wait();
                throw new IOException("disk full");
            }));

        Assert.Equal("disk full", error.Message);
        Assert.True(firstEnded);
    }

    [Fact]
    public void When_the_first_write_fails_the_others_end_before_the_failure_is_rethrown()
    {
        var othersEnded = 0;
        using var othersStarted = new CountdownEvent(2);
        void Other()
        {
            othersStarted.Signal();
            Thread.Sleep(200);
            Interlocked.Increment(ref othersEnded);
        }

        var error = Assert.Throws<UnauthorizedAccessException>(() => ConcurrentWrites.Run(
            () =>
            {
                othersStarted.Wait();
                throw new UnauthorizedAccessException("read-only");
            },
            Other,
            Other));

        Assert.Equal("read-only", error.Message);
        Assert.Equal(2, Volatile.Read(ref othersEnded));
    }

    [Fact]
    public void Of_two_failures_the_first_write_s_is_rethrown()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ConcurrentWrites.Run(
            () => throw new InvalidOperationException("first"),
            () => throw new IOException("second")));

        Assert.Equal("first", error.Message);
    }
}
