using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Formats;

/// <summary>
/// Decides how a shapefile's DBF text is encoded: the <c>.cpg</c> file (<c>CP936</c>, <c>GBK</c>, <c>936</c>,
/// <c>GB2312</c>, <c>UTF-8</c>, <c>1252</c>, <c>LATIN1</c>, …) first, else the DBF language-driver byte (offset
/// 29: 0x4D = 936). Without either (byte 0, as GDAL writes) or with 0x57 ("the writer's ANSI code page", which
/// on Chinese Windows is GBK), the text is UTF-8 when it decodes as UTF-8 and GBK when only GBK fits — that
/// guess is reported as a data issue. A declaration the bytes contradict is reported too (see <see cref="Detect"/>).
/// </summary>
internal static class DbfTextEncoding
{
    private const byte LanguageDriverOffset = 29;

    static DbfTextEncoding()
    {
        // Before any code page lookup: .NET only knows UTF-*, ASCII and Latin-1 without the provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gbk = Encoding.GetEncoding(936);
    }

    public static Encoding Gbk { get; }

    public static Encoding Utf8Text { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The encoding a .cpg text names, or null when it is unknown.</summary>
    public static Encoding? FromCpg(string text)
    {
        var name = text.Trim().Trim('\0').ToUpperInvariant().Replace('_', '-');
        switch (name)
        {
            case "UTF-8" or "UTF8" or "65001":
                return Utf8Text;
            case "CP936" or "GBK" or "936" or "GB2312" or "CP-936" or "MS936" or "WINDOWS-936" or "ANSI 936" or "EUC-CN":
                return Gbk;
            case "GB18030" or "54936":
                return CodePage(54936);
            case "1252" or "CP1252" or "WINDOWS-1252" or "ANSI 1252":
                return CodePage(1252);
            case "ISO-8859-1" or "ISO8859-1" or "ISO88591" or "8859-1" or "88591" or "LATIN1" or "LATIN-1" or "28591":
                return Encoding.Latin1;
            case "BIG5" or "950" or "CP950":
                return CodePage(950);
        }

        var digits = name.StartsWith("CP", StringComparison.Ordinal) ? name[2..] : name.StartsWith("ANSI ", StringComparison.Ordinal) ? name[5..] : name;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var codePage))
        {
            return TryCodePage(codePage);
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The encoding a DBF language-driver id denotes, or null for 0, 0x57 and unknown ids.</summary>
    public static Encoding? FromLanguageDriver(byte id) => id switch
    {
        0x01 => TryCodePage(437),
        0x02 => TryCodePage(850),
        0x03 => TryCodePage(1252),
        0x4D or 0x7A => Gbk,
        0x4E or 0x79 => TryCodePage(949),
        0x4F or 0x78 => TryCodePage(950),
        0x64 => TryCodePage(852),
        0x65 or 0x26 => TryCodePage(866),
        0xC8 => TryCodePage(1250),
        0xC9 => TryCodePage(1251),
        0xCA => TryCodePage(1254),
        0xCB => TryCodePage(1253),
        0xCC => TryCodePage(1257),
        _ => null,
    };

    /// <summary>
    /// Decides the encoding of a DBF's text from its bytes; adds an issue when it had to guess
    /// (<see cref="DataIssueCodes.EncodingGuessed"/>) or when the text contradicts what the .cpg or language byte
    /// declares (<see cref="DataIssueCodes.EncodingMismatch"/>): text declared UTF-8 that is not UTF-8 but is GBK is
    /// read as GBK; text declared in a code page that is valid UTF-8 with non-ASCII characters is read as UTF-8; text
    /// that fits neither keeps the declared encoding, its undecodable bytes replaced by U+FFFD — each said in the issue.
    /// </summary>
    public static Encoding Detect(byte[] dbf, string? cpgPath, LayerReadRequest request, List<DataIssue> issues)
    {
        Encoding? declared = null;
        string? declaredBy = null;
        if (cpgPath is not null)
        {
            var cpg = SidecarFile.ReadText(cpgPath, request.InputName);
            if (!string.IsNullOrWhiteSpace(cpg))
            {
                declared = FromCpg(cpg) ?? throw new UnusableInputException(
                    ErrorCodes.UnknownEncoding,
                    Localized.Format("CpgUnknownEncoding", Path.GetFileName(cpgPath), cpg.Trim()),
                    request.InputName,
                    hint: Localized.Get("CpgUnknownEncodingHint"));
                declaredBy = Localized.Format("CpgSays", Path.GetFileName(cpgPath), cpg.Trim());
            }
        }

        var languageDriver = dbf.Length > LanguageDriverOffset ? dbf[LanguageDriverOffset] : (byte)0;
        if (declared is null && FromLanguageDriver(languageDriver) is { } fromByte)
        {
            declared = fromByte;
            declaredBy = Localized.Format("DbfLanguageByteSays", languageDriver, fromByte.CodePage);
        }

        var text = RecordBytes(dbf);
        var isUtf8 = Utf8Validity(text);
        if (declared is null)
        {
            if (isUtf8)
            {
                return Utf8Text;
            }

            if (DecodesStrictly(text, Gbk))
            {
                issues.Add(new DataIssue(request.RoleName, string.Empty, DataIssueCodes.EncodingGuessed,
                    Localized.Format("DbfGuessedGbk", request.InputName, languageDriver)));
                return Gbk;
            }

            issues.Add(new DataIssue(request.RoleName, string.Empty, DataIssueCodes.EncodingGuessed,
                Localized.Format("DbfGuessFailed", request.InputName, languageDriver)));
            return Utf8Text;
        }

        if (declared.CodePage == Utf8Text.CodePage)
        {
            if (isUtf8)
            {
                return Utf8Text;
            }

            if (DecodesStrictly(text, Gbk))
            {
                issues.Add(Mismatch(request, Localized.Format("DbfDeclaredUtf8IsGbk", declaredBy)));
                return Gbk;
            }

            issues.Add(Mismatch(request, Localized.Format("DbfDeclaredUtf8IsNeither", declaredBy)));
            return Utf8Text;
        }

        if (isUtf8 && !System.Text.Ascii.IsValid(text))
        {
            issues.Add(Mismatch(request, Localized.Format("DbfDeclaredIsUtf8", declaredBy)));
            return Utf8Text;
        }

        if (DecodesStrictly(text, declared))
        {
            return declared;
        }

        if (declared.CodePage != Gbk.CodePage && DecodesStrictly(text, Gbk))
        {
            issues.Add(Mismatch(request, Localized.Format("DbfDeclaredIsGbk", declaredBy)));
            return Gbk;
        }

        issues.Add(Mismatch(request, Localized.Format("DbfDeclaredInvalidBytes", declaredBy)));
        return declared;
    }

    private static DataIssue Mismatch(LayerReadRequest request, string reason) =>
        new(request.RoleName, string.Empty, DataIssueCodes.EncodingMismatch, $"{request.InputName}: {reason}");

    private static bool Utf8Validity(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static ReadOnlySpan<byte> RecordBytes(byte[] dbf)
    {
        if (dbf.Length < 32)
        {
            return [];
        }

        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(dbf.AsSpan(8, 2));
        return headerLength < dbf.Length ? dbf.AsSpan(headerLength) : [];
    }

    private static bool DecodesStrictly(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            _ = strict.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding CodePage(int codePage) => Encoding.GetEncoding(codePage);

    private static Encoding? TryCodePage(int codePage)
    {
        try
        {
            return codePage == 65001 ? Utf8Text : Encoding.GetEncoding(codePage);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
