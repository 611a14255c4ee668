/// One way to trim text for every module (the journal reader, import, mail, the command line).
extension StringProtocol {
    /// Without leading and trailing Unicode whitespace (spaces, tabs, line breaks, no-break spaces):
    /// what `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without Foundation's bridging,
    /// which was most of the cost of trimming a short note.
    public var trimmingWhitespace: String {
        // Most values start and end with a visible ASCII character: nothing to trim.
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return text
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }
}
