import Foundation

/// The comparisons the spec defines on names: identity keys and code-point ordering.
public enum TextKey {
    /// Trimmed, NFC-normalised and lower-cased: how companies (and roles, for duplicates) are compared.
    public static func normalized(_ text: String) -> String {
        // ASCII (most names) is its own NFC form: trim and lower-case the bytes, the same result
        // without Foundation's bridging, which dominated building thousands of pages.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = text.utf8
            let isSpace = { (b: UInt8) in b == 0x20 || (0x09...0x0D).contains(b) }
            guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
            else { return "" }
            return String(decoding: bytes[first...last].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        return text.trimmingWhitespace.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// Legal-form words dropped from the end of a company key (docs/journal.md).
    static let legalForms: Set<String> = [
        "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "gmbh", "ag", "sa", "sas",
        "bv", "nv", "plc", "oy", "ab", "as", "srl", "spa", "pty", "pvt",
    ]

    /// The company key: NFC, lower-cased, every run of characters other than letters and digits
    /// one space, trimmed, and one trailing legal-form word dropped when something stays before it.
    /// So `Acme`, `ACME Corp.` and `Acme  Corp` are one company.
    public static func company(_ text: String) -> String {
        let lower = normalized(text)
        var out = ""
        var pendingSpace = false
        for scalar in lower.unicodeScalars {
            let isWordCharacter =
                scalar.isASCII
                ? (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar))
                : (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            if isWordCharacter {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        if let space = out.lastIndex(of: " "), legalForms.contains(String(out[out.index(after: space)...])) {
            out = String(out[..<space])
        }
        return out
    }

    /// Code-point order (Swift's own `<` compares canonically equivalent strings as equal, which the
    /// spec's orderings must not).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        // UTF-8 bytes sort in code-point order, and comparing bytes is much cheaper than scalars.
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Equality by code points, not by canonical equivalence.
    public static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }
}
