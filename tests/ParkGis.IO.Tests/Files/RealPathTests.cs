using ParkGis.IO.Files;

namespace ParkGis.IO.Tests.Files;

public sealed class RealPathTests
{
    [Fact]
    public void Dot_dot_after_a_symbolic_link_is_taken_in_the_folder_the_link_leads_to()
    {
        using var folder = new TestFolder();
        var deep = Directory.CreateDirectory(Path.Combine(folder.Path, "a", "b")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "link"), deep);

        // link/.. is a (the parent of b), not the folder that holds the link.
        Assert.Equal(Path.Combine(folder.Path, "a", "c"), RealPath.Of(Path.Combine(folder.Path, "link", "..", "c")));
        Assert.Equal(Path.Combine(folder.Path, "a", "b", "new", "x"), RealPath.Of(Path.Combine(folder.Path, "link", "new", ".", "x")));
    }

    [Fact]
    public void A_relative_link_chain_resolves_to_the_real_folder_and_a_loop_is_an_io_error()
    {
        using var folder = new TestFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "data"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "one"), "data");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "two"), "one");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "loop"), "loop");

        Assert.Equal(Path.Combine(folder.Path, "data", "parks.geojson"), RealPath.Of(Path.Combine(folder.Path, "two", "parks.geojson")));
        Assert.Throws<IOException>(() => RealPath.Of(Path.Combine(folder.Path, "loop", "x")));
    }
}
