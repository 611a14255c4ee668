import Foundation

/// Link targets taken from journal values (escaping itself is `HTMLText`, in Support).
enum XMLText {
    /// A link target from a journal value: only http, https and mailto survive; anything else is nil.
    static func safeURL(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") else { return nil }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == " " }) else { return nil }
        return text
    }
}
