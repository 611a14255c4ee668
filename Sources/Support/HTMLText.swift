/// Escaping for text placed in HTML, SVG and XML: one table of entities for the template engine,
/// the charts, the feeds and serve's error page.
public enum HTMLText {
    /// The entity for one of `& < > " '` (the apostrophe as `&#39;`, like swift-mustache), else nil.
    @inline(__always)
    public static func entity(_ byte: UInt8) -> StaticString? {
        switch byte {
        case 0x26: return "&amp;"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x22: return "&quot;"
        case 0x27: return "&#39;"
        default: return nil
        }
    }

    /// Escapes `& < > " '` and drops characters XML 1.0 forbids (NUL and most C0 controls, U+FFFE,
    /// U+FFFF). Works on UTF-8 bytes: every byte it changes is ASCII, so multi-byte characters pass
    /// through whole.
    public static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 64)
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes that have an entity (`& < > " '`): a table, so that a scan costs one lookup a byte.
    public static let hasEntity: [Bool] = (0..<256).map { entity(UInt8($0)) != nil }

    /// Bytes that may need something: the five of `entity`, C0 controls, and 0xEF (U+FFFE, U+FFFF).
    static let special: [Bool] = (0..<256).map { byte in byte < 0x20 || byte == 0xEF || entity(UInt8(byte)) != nil }

    @inline(__always)
    static func needsEscaping(_ text: String) -> Bool {
        let special = Self.special
        return text.utf8.contains(where: { special[Int($0)] })
    }

    /// `escape(text)` appended to `out` as UTF-8 (the charts write their SVG as bytes). Runs of
    /// bytes that need nothing are copied whole (a feed escapes every article's HTML).
    public static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        guard needsEscaping(text) else {
            out.append(contentsOf: text.utf8)
            return
        }
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Most bytes are plain: one table lookup says so.
                if !Self.special[Int(byte)] {
                    index += 1
                    continue
                }
                let entity = entity(byte)
                let dropped = byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
                // U+FFFE and U+FFFF are not characters in XML.
                let nonCharacter =
                    byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF
                    && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
                if entity == nil && !dropped && !nonCharacter {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                if let entity {
                    out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                }
                index += nonCharacter ? 3 : 1
                run = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
    }
}
