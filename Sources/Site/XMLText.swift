import Foundation

/// Escaping for text placed in HTML, SVG and XML outside the template engine.
enum XMLText {
    /// Escapes `& < > " '` and drops characters XML 1.0 forbids (NUL and most C0 controls).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                let v = scalar.value
                if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { continue }
                if v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
