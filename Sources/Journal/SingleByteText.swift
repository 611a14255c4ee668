/// Text in the single-byte encodings that spreadsheets and older mail still use, straight into
/// UTF-8: Windows-1252 (Latin-1 with typographic characters in 0x80–0x9F) and ISO-8859-1.
/// Shared by `followup import` and `followup mail`.
public enum SingleByteText {
    public static func windows1252(_ bytes: [UInt8]) -> String { decode(bytes, windows: true) }
    public static func latin1(_ bytes: [UInt8]) -> String { decode(bytes, windows: false) }

    /// Windows-1252's characters for 0x80–0x9F (nil where it has none, kept as Latin-1).
    static let table: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}", "\u{02C6}", "\u{2030}",
        "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil, nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}",
        "\u{2022}", "\u{2013}", "\u{2014}", "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}",
        "\u{0178}",
    ]

    private static func decode(_ bytes: [UInt8], windows: Bool) -> String {
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            var scalar = Unicode.Scalar(byte)
            if windows, byte <= 0x9F, let mapped = table[Int(byte - 0x80)] { scalar = mapped }
            if let encoded = UTF8.encode(scalar) { out += encoded }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
