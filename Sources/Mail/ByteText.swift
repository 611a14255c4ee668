/// Lower-cased UTF-8 bytes and searches over them: classifying a mailbox of 10,000 messages
/// compares a few dozen phrases with every message's text, and String searches (through
/// Foundation) were most of the scan's time.
struct ByteText {
    let bytes: [UInt8]

    /// ASCII letters lower-cased; other bytes (all of UTF-8's multi-byte characters) kept.
    init(_ text: String) {
        bytes = text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Whether `needle` (lower case) occurs anywhere.
    func contains(_ needle: [UInt8]) -> Bool { firstIndex(of: needle, from: 0) != nil }

    func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        let last = bytes.count - needle.count
        var i = start
        return bytes.withUnsafeBufferPointer { hay -> Int? in
            while i <= last {
                if hay[i] == first {
                    var k = 1
                    while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// Whether `needle` occurs as whole words: no letter or digit right before or after it.
    func containsWords(_ needle: [UInt8]) -> Bool {
        var start = 0
        while let at = firstIndex(of: needle, from: start) {
            let before = at == 0 ? nil : bytes[at - 1]
            let end = at + needle.count
            let after = end < bytes.count ? bytes[end] : nil
            if !(before.map(Self.isWordByte) ?? false) && !(after.map(Self.isWordByte) ?? false) { return true }
            start = at + 1
        }
        return false
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || b >= 0x80
    }

    /// The message's own words: lines quoted with `>` left out, and everything from an
    /// "On … wrote:" line or a forwarded or original message marker on.
    static func ownText(_ text: ByteText) -> ByteText {
        var kept: [UInt8] = []
        kept.reserveCapacity(min(text.bytes.count, 64 * 1024))
        let original = Array("-----original message".utf8)
        let forwarded = Array("---------- forwarded message".utf8)
        let on = Array("on ".utf8)
        let wrote = Array("wrote:".utf8)
        var lineStart = 0
        let bytes = text.bytes
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 10 { lineEnd += 1 }
            var first = lineStart
            while first < lineEnd && (bytes[first] == 32 || bytes[first] == 9) { first += 1 }
            var last = lineEnd
            while last > first && (bytes[last - 1] == 32 || bytes[last - 1] == 13 || bytes[last - 1] == 9) { last -= 1 }
            let line = bytes[first..<last]
            if line.first == UInt8(ascii: ">") {
                lineStart = lineEnd + 1
                continue
            }
            if line.starts(with: original) || line.starts(with: forwarded)
                || (line.starts(with: on) && line.reversed().starts(with: wrote.reversed()))
            {
                break
            }
            kept += bytes[lineStart..<min(lineEnd + 1, bytes.count)]
            lineStart = lineEnd + 1
        }
        return ByteText(bytes: kept)
    }
}
