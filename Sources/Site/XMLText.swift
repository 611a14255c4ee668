import Foundation

/// Escaping for text placed in HTML, SVG and XML outside the template engine.
enum XMLText {
    /// Escapes `& < > " '` and drops characters XML 1.0 forbids (NUL and most C0 controls).
    /// Works on UTF-8 bytes: every byte it changes is ASCII, so multi-byte characters pass through whole.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard
            utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }
            )
        else { return text }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count + 64)
        var bytes = Array(utf8)[...]
        while let byte = bytes.popFirst() {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0..<0x20: continue
            case 0xEF
            where bytes.count >= 2 && bytes[bytes.startIndex] == 0xBF
                && (bytes[bytes.startIndex + 1] == 0xBE || bytes[bytes.startIndex + 1] == 0xBF):
                bytes.removeFirst(2)  // U+FFFE and U+FFFF are not characters in XML
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A link target from a journal value: only http, https and mailto survive; anything else is nil.
    static func safeURL(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") else { return nil }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == " " }) else { return nil }
        return text
    }
}
