/// One way to trim text for every module (the journal reader, import, mail, the command line).
extension StringProtocol {
    /// Without leading and trailing Unicode whitespace (spaces, tabs, line breaks, no-break spaces):
    /// what `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without Foundation's bridging,
    /// which was most of the cost of trimming a short note. (Foundation also trims U+200B, a
    /// zero-width space that Unicode does not call whitespace; this keeps it.)
    public var trimmingWhitespace: String {
        // Most values start and end with a visible ASCII character: nothing to trim.
        let text = String(self)
        let utf8 = text.utf8
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return "" }
        if firstByte > 0x20, firstByte < 0x7F, lastByte > 0x20, lastByte < 0x7F { return text }
        // ASCII whitespace (tab to carriage return, space) is cut by bytes; what is left starts and
        // ends on a character boundary when the bytes there are ASCII.
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isASCIISpace(utf8[start]) { utf8.formIndex(after: &start) }
        while end > start, isASCIISpace(utf8[utf8.index(before: end)]) { utf8.formIndex(before: &end) }
        if start == end { return "" }
        if utf8[start] < 0x80, utf8[utf8.index(before: end)] < 0x80 { return String(text[start..<end]) }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }
}
