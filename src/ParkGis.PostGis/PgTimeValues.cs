using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ParkGis.PostGis;

/// <summary>
/// Reads PostgreSQL <c>date</c>, <c>timestamp</c>, <c>timestamptz</c> and <c>interval</c> values (日期与时间) from their raw
/// form, so that no value stops the reading: PostgreSQL dates run to the year 5874897 and before Christ and an interval
/// counts months, where <see cref="DateOnly"/>, <see cref="DateTime"/> and <see cref="TimeSpan"/> cannot (a typed
/// <c>20240-02-06</c> was an internal error, exit 4, for every command). Such a value is its text in PostgreSQL's form
/// (<c>20240-02-06</c>, <c>0044-03-15 BC</c>, <c>P14M</c> in ISO 8601 for an interval), which the date rule reports as an
/// <c>unparseable_value</c> issue. Every other value is what Npgsql reads: <c>infinity</c> and <c>-infinity</c> are the
/// calendar's ends (9999-12-31, 0001-01-01: placeholders), a <c>timestamptz</c> a UTC <see cref="DateTime"/>.
/// </summary>
internal static class PgTimeValues
{
    private const long MicrosecondsPerDay = 86_400_000_000;

    /// <summary>PostgreSQL's epoch for dates and times, 2000-01-01.</summary>
    private static readonly DateOnly Epoch = new(2000, 1, 1);

    /// <summary>The value of column <paramref name="ordinal"/>, of the PostgreSQL type named <paramref name="dataType"/>.</summary>
    public static object Read(NpgsqlDataReader reader, int ordinal, string dataType) => dataType switch
    {
        "date" => Date(reader.GetFieldValue<int>(ordinal)),
        "timestamp without time zone" => Time(reader.GetFieldValue<long>(ordinal), DateTimeKind.Unspecified),
        "timestamp with time zone" => Time(reader.GetFieldValue<long>(ordinal), DateTimeKind.Utc),
        "interval" => Interval(reader.GetFieldValue<NpgsqlInterval>(ordinal)),
        _ => reader.GetValue(ordinal),
    };

    /// <summary>A date from its days since 2000-01-01.</summary>
    internal static object Date(int days) => days switch
    {
        int.MaxValue => DateOnly.MaxValue,
        int.MinValue => DateOnly.MinValue,
        _ when (long)Epoch.DayNumber + days is var number && number >= 0 && number <= DateOnly.MaxValue.DayNumber => DateOnly.FromDayNumber((int)number),
        _ => DayText(days),
    };

    /// <summary>A time from its microseconds since 2000-01-01 00:00.</summary>
    internal static object Time(long microseconds, DateTimeKind kind)
    {
        switch (microseconds)
        {
            case long.MaxValue:
                return DateTime.SpecifyKind(DateTime.MaxValue, kind);
            case long.MinValue:
                return DateTime.SpecifyKind(DateTime.MinValue, kind);
        }

        var ticks = (Int128)Epoch.DayNumber * TimeSpan.TicksPerDay + (Int128)microseconds * TimeSpan.TicksPerMicrosecond;
        if (ticks >= 0 && ticks <= DateTime.MaxValue.Ticks)
        {
            return new DateTime((long)ticks, kind);
        }

        var days = Math.DivRem(microseconds, MicrosecondsPerDay, out var rest);
        if (rest < 0)
        {
            days--;
            rest += MicrosecondsPerDay;
        }

        var time = TimeOnly.FromTimeSpan(TimeSpan.FromMicroseconds(rest)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var day = DayText(days);
        var era = day.EndsWith(" BC", StringComparison.Ordinal) ? " BC" : string.Empty;
        return day[..^era.Length] + " " + time + (kind == DateTimeKind.Utc ? "+00" : string.Empty) + era;
    }

    /// <summary>An interval: a <see cref="TimeSpan"/> when it counts no months (as Npgsql reads it), else ISO 8601 text.</summary>
    internal static object Interval(NpgsqlInterval interval)
    {
        var time = TimeSpan.FromTicks(interval.Time);
        if (interval.Months == 0)
        {
            return TimeSpan.FromDays(interval.Days) + time;
        }

        var text = "P" + interval.Months.ToString(CultureInfo.InvariantCulture) + "M";
        text += interval.Days == 0 ? string.Empty : interval.Days.ToString(CultureInfo.InvariantCulture) + "D";
        return time == TimeSpan.Zero ? text : text + "T" + time.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) + "S";
    }

    /// <summary>The proleptic Gregorian day <paramref name="days"/> after 2000-01-01 as PostgreSQL writes it (<c>20240-02-06</c>, <c>0044-03-15 BC</c>).</summary>
    private static string DayText(long days)
    {
        // H. Hinnant's civil_from_days, counted from 0000-03-01.
        var z = days + 10_957 + 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var dayOfEra = z - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var shiftedMonth = ((5 * dayOfYear) + 2) / 153;
        var day = dayOfYear - (((153 * shiftedMonth) + 2) / 5) + 1;
        var month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        var year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
        return year >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{1 - year:0000}-{month:00}-{day:00} BC");
    }
}
