import Foundation
import Journal

/// Bytes of a mail part as text in the charset it names: UTF-8, ISO-8859-1 (Latin-1), Windows-1252
/// and US-ASCII, with UTF-8 then Windows-1252 tried for any other or missing name. Never fails.
enum Charset {
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let name = (charset ?? "").lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
        switch name {
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1":
            return latin1(bytes)
        case "windows-1252", "cp1252", "x-cp1252":
            return windows1252(bytes)
        default:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return windows1252(bytes)
        }
    }

    static func windows1252(_ bytes: [UInt8]) -> String { SingleByteText.windows1252(bytes) }
    static func latin1(_ bytes: [UInt8]) -> String { SingleByteText.latin1(bytes) }
}

/// The content transfer encodings of MIME (RFC 2045), and RFC 2047's encoded words in headers.
enum TransferEncoding {
    /// Quoted-printable: `=XX` bytes and `=` soft line breaks.
    static func quotedPrintable(_ bytes: [UInt8], header: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "=") {
                if i + 1 < bytes.count, bytes[i + 1] == 10 {
                    i += 2
                    continue
                }
                if i + 2 < bytes.count, bytes[i + 1] == 13, bytes[i + 2] == 10 {
                    i += 3
                    continue
                }
                if i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
            }
            out.append(header && b == UInt8(ascii: "_") ? 32 : b)
            i += 1
        }
        return out
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 65...70: return b - 55
        case 97...102: return b - 87
        default: return nil
        }
    }

    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let kept = bytes.filter { $0 > 32 }
        if let data = Data(base64Encoded: Data(kept), options: .ignoreUnknownCharacters) { return [UInt8](data) }
        // A truncated body: decode what is whole.
        let whole = kept.prefix(kept.count / 4 * 4)
        return Data(base64Encoded: Data(whole), options: .ignoreUnknownCharacters).map { [UInt8]($0) } ?? []
    }

    /// A header value with `=?charset?Q|B?text?=` words decoded; white space between two encoded
    /// words is dropped, as RFC 2047 says.
    static func decodeWords(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var out = ""
        var rest = Substring(value)
        var lastWasEncoded = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            guard let word = encodedWord(afterStart) else {
                out += before + "=?"
                rest = afterStart
                lastWasEncoded = false
                continue
            }
            if !(lastWasEncoded && before.allSatisfy({ $0 == " " || $0 == "\t" })) { out += before }
            out += word.text
            rest = word.rest
            lastWasEncoded = true
        }
        return out + rest
    }

    /// `charset?Q?text?=` after `=?`.
    private static func encodedWord(_ text: Substring) -> (text: String, rest: Substring)? {
        let parts = text.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), parts[0].count < 40, !parts[2].contains(" ") else { return nil }
        let charset = String(parts[0].split(separator: "*").first ?? "")  // RFC 2231 language suffix
        let payload = [UInt8](parts[2].utf8)
        let bytes: [UInt8]
        switch parts[1].lowercased() {
        case "q": bytes = quotedPrintable(payload, header: true)
        case "b": bytes = base64(payload)
        default: return nil
        }
        return (Charset.decode(bytes, charset: charset), parts[3].dropFirst())
    }
}
