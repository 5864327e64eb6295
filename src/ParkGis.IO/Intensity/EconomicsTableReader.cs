using System.Globalization;
using System.Text;
using ParkGis.Core.Data;
using ParkGis.Core.Dates;
using ParkGis.Core.Errors;
using ParkGis.Core.Intensity;
using ParkGis.Core.Measures;
using ParkGis.IO.Configuration;
using ParkGis.IO.Excel;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Intensity;

/// <summary>
/// Reads the economics table (经济指标表) of a dataset: a CSV file (RFC 4180 quoting), UTF-8 with or without a
/// BOM — a file that is not valid UTF-8 is read as GBK (CP936) with an <c>encoding_guessed</c> data issue — or the
/// first sheet of a workbook (.xlsx/.xlsm/.xls, <see cref="WorksheetRows"/>). Headers are the canonical column names
/// or the names <c>parkgis.json</c> maps them to. The same columns, checks and data issues for both. Bad values are data issues.
/// </summary>
public static class EconomicsTableReader
{
    /// <summary>The canonical columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "parcel_id", "enterprise", "year", "output_wan", "revenue_wan", "tax_wan", "value_added_wan", "fixed_investment_wan",
        "energy_tce", "emissions_t", "employees", "rd_wan", "electricity_kwh",
    ];

    /// <summary>The file name looked for when parkgis.json names none.</summary>
    public const string DefaultFileName = "economics.csv";

    /// <summary>The workbook looked for when parkgis.json names no file and there is no <see cref="DefaultFileName"/>.</summary>
    public const string DefaultWorkbookName = "economics.xlsx";

    /// <summary>Finds and reads the economics table of a dataset folder, or returns null when there is none.</summary>
    /// <param name="datasetFolder">The dataset folder.</param>
    /// <param name="settings">The <c>economics</c> member of the folder's parkgis.json.</param>
    /// <exception cref="UnusableInputException">
    /// The configured file is missing, resolves outside the dataset folder (PG0111: an absolute or <c>../</c> name, a
    /// symlink out) or is not a regular file (PG0110), the table lacks year / parcel_id and enterprise, or the folder
    /// holds both economics.csv and economics.xlsx and parkgis.json does not say which one is the table (PG0301); the
    /// file cannot be read — gone since it was found, unreadable, 2 GB or more (PG0104).
    /// </exception>
    public static EconomicsTable? ReadFrom(string datasetFolder, EconomicsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var name = settings.Source ?? DefaultName(datasetFolder);
        var path = Path.Combine(datasetFolder, name);
        Datasets.DatasetFiles.RequireInside(datasetFolder, path, name);
        if (!File.Exists(path))
        {
            if (settings.Source is not null)
            {
                throw new UnusableInputException(ErrorCodes.InvalidConfiguration, Localized.Format("EconomicsConfiguredMissing", name),
                    "parkgis.json", hint: Localized.Get("EconomicsConfiguredMissingHint"));
            }

            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone since it was found (the table is read when an analysis first needs it), unreadable, or over 2 GB.
            throw new UnusableInputException(ErrorCodes.UnreadableInput, Localized.Format("InputUnreadable", name, e.Message), name,
                hint: Localized.Get("InputUnreadableHint"), inner: e);
        }

        return Read(name, bytes, settings.Fields);
    }

    /// <summary>economics.csv, else economics.xlsx when only that exists; both is ambiguous (two tables may disagree).</summary>
    private static string DefaultName(string datasetFolder)
    {
        var csv = File.Exists(Path.Combine(datasetFolder, DefaultFileName));
        var workbook = File.Exists(Path.Combine(datasetFolder, DefaultWorkbookName));
        if (csv && workbook)
        {
            throw new UnusableInputException(ErrorCodes.InvalidConfiguration,
                Localized.Format("EconomicsTwoTables", DefaultFileName, DefaultWorkbookName), DefaultWorkbookName,
                hint: Localized.Format("EconomicsTwoTablesHint", DefaultWorkbookName));
        }

        return workbook ? DefaultWorkbookName : DefaultFileName;
    }

    /// <summary>Reads economics CSV or workbook bytes (a workbook when <paramref name="source"/> ends .xlsx, .xlsm or .xls).</summary>
    /// <param name="source">The name used in messages (<c>economics.csv</c>, <c>economics.xlsx</c>).</param>
    /// <param name="bytes">The file content.</param>
    /// <param name="fields">Canonical column → header.</param>
    /// <returns>The table, with the problems met in <see cref="EconomicsTable.Issues"/>.</returns>
    public static EconomicsTable Read(string source, byte[] bytes, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(fields);
        var issues = new List<DataIssue>();
        var records = WorksheetRows.IsWorkbook(source)
            ? WorksheetRows.Read(source, bytes)
            : CsvRecords(Decode(source, bytes, issues)).Where(r => !(r.Count == 1 && string.IsNullOrWhiteSpace(r[0]))).ToList();
        if (records.Count == 0)
        {
            throw new UnusableInputException(ErrorCodes.UnreadableInput, Localized.Format("EconomicsEmpty", source), source, hint: Localized.Get("EconomicsEmptyHint"));
        }

        var header = records[0].Select(h => h.Trim()).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            var name = fields.TryGetValue(column, out var mapped) ? mapped : column;
            var at = header.FindIndex(h => string.Equals(h, name, StringComparison.Ordinal));
            if (at >= 0)
            {
                index[column] = at;
            }
        }

        if (!index.ContainsKey("year") || !(index.ContainsKey("parcel_id") || index.ContainsKey("enterprise")))
        {
            throw new UnusableInputException(ErrorCodes.UnreadableInput,
                Localized.Format("EconomicsNoKeyColumns", source, string.Join(", ", header)),
                source, hint: Localized.Get("EconomicsNoKeyColumnsHint"));
        }

        var rows = new List<EconomicsRecord>();
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            var feature = string.Create(CultureInfo.InvariantCulture, $"#{r}");
            string? Cell(string column) => index.TryGetValue(column, out var i) && i < record.Count && !string.IsNullOrWhiteSpace(record[i]) ? record[i].Trim() : null;
            double? Number(string column)
            {
                var cell = Cell(column);
                if (cell is null)
                {
                    return null;
                }

                if (!double.TryParse(cell.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    issues.Add(new DataIssue(source, feature, DataIssueCodes.UnparseableValue, Localized.Format("EconomicsCellNotNumber", r, column, cell)));
                    return null;
                }

                if (value > NumberLimits.MaxMagnitude)
                {
                    issues.Add(new DataIssue(source, feature, DataIssueCodes.ValueOutOfRange,
                        Localized.Format("EconomicsCellBeyondReal", r, column, value, NumberLimits.MaxMagnitudeText)));
                    return null;
                }

                if (value < 0)
                {
                    issues.Add(new DataIssue(source, feature, DataIssueCodes.NegativeValue,
                        Localized.Format("EconomicsCellNegative", r, column, value)));
                    return null;
                }

                return value;
            }

            var yearText = Cell("year");
            if (yearText is null || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < CalendarYears.FirstYear or > CalendarYears.LastYear)
            {
                issues.Add(new DataIssue(source, feature, DataIssueCodes.UnparseableValue, Localized.Format("EconomicsYearInvalid", r, yearText)));
                continue;
            }

            var parcelId = Cell("parcel_id");
            var enterprise = Cell("enterprise");
            if (parcelId is null && enterprise is null)
            {
                issues.Add(new DataIssue(source, feature, DataIssueCodes.MissingId, Localized.Format("EconomicsRowNoKey", r)));
                continue;
            }

            rows.Add(new EconomicsRecord(r, parcelId, enterprise, year,
                Number("output_wan"), Number("revenue_wan"), Number("tax_wan"), Number("value_added_wan"), Number("fixed_investment_wan"),
                Number("energy_tce"), Number("emissions_t"), Number("employees"), Number("rd_wan"), Number("electricity_kwh")));
        }

        return new EconomicsTable(source, index.Keys.ToHashSet(StringComparer.Ordinal), rows) { Issues = issues };
    }

    private static string Decode(string source, byte[] bytes, ICollection<DataIssue> issues)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            issues.Add(new DataIssue(source, string.Empty, DataIssueCodes.EncodingGuessed,
                Localized.Get("EconomicsReadAsGbk")));
            return Encoding.GetEncoding(936).GetString(bytes);
        }
    }

    /// <summary>Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, CRLF or LF).</summary>
    private static IEnumerable<List<string>> CsvRecords(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    yield return record;
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
