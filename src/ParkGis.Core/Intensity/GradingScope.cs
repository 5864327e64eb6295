namespace ParkGis.Core.Intensity;

/// <summary>Across which firms the 亩均 grades are ranked and benchmarked (评价范围; docs/rules.md#grades-scope).</summary>
public enum GradingScope
{
    /// <summary>Every firm of the dataset (one city, 全市).</summary>
    City,

    /// <summary>The firms of each 旗区 (banner, county level).</summary>
    Banner,

    /// <summary>The firms of each park.</summary>
    Park,
}
