import Yams

/// The front matter most files have, read without Yams: one `key: value` per line, each value a
/// plain word or phrase or a flow list of them (`tags: [ios, remote]`).
///
/// Yams (a full YAML 1.1 parser through libyaml) was about a twentieth of a 10,000-application
/// build. This reader accepts only a subset whose meaning is beyond doubt, a value with nothing
/// YAML could read another way, and answers nil for anything else, which then goes to Yams:
/// quotes, block lists, indentation, anchors, comments after a value, duplicate keys, tabs, any
/// byte outside printable ASCII. `PlainFrontMatterTests` compares it with Yams on every text it
/// accepts.
enum PlainFrontMatter {
    /// The mapping of `yaml` (whose first line is file line `firstLine`), or nil to ask Yams.
    static func parse(_ yaml: String, source: SourceText, firstLine: Int) -> YAMLMapping? {
        var fields: [YAMLMapping.Field] = []
        var keys: Set<String> = []
        var lineNumber = firstLine
        var failed = false
        var copy = yaml
        copy.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count, !failed {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                defer {
                    start = end + 1
                    lineNumber += 1
                }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                // A blank line, or a comment on a line of its own, says nothing.
                if line.allSatisfy({ $0 == 0x20 }) || line.first == UInt8(ascii: "#") { continue }
                guard let (key, value) = field(line), keys.insert(key).inserted else {
                    failed = true
                    return
                }
                let location = source.location(line: lineNumber, column: 1)
                fields.append(YAMLMapping.Field(key: key, node: value, location: location))
            }
        }
        if failed { return nil }
        return YAMLMapping(fields: fields, source: source, firstLine: firstLine)
    }

    /// `key: value` from the first column, or nil.
    private static func field(_ line: UnsafeBufferPointer<UInt8>) -> (String, Node)? {
        guard let first = line.first, isLetter(first) else { return nil }
        var index = 1
        while index < line.count, isLetter(line[index]) || isDigit(line[index]) || line[index] == 0x5F || line[index] == 0x2D {
            index += 1
        }
        guard index < line.count, line[index] == UInt8(ascii: ":") else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: line[0..<index]), as: UTF8.self)
        index += 1
        guard index == line.count || line[index] == 0x20 else { return nil }
        var end = line.count
        while end > index, line[end - 1] == 0x20 { end -= 1 }
        while index < end, line[index] == 0x20 { index += 1 }
        let value = UnsafeBufferPointer(rebasing: line[index..<end])
        if value.isEmpty { return (key, .scalar(Node.Scalar("", implicit, .plain))) }
        if value.first == UInt8(ascii: "["), value.last == UInt8(ascii: "]") {
            let inner = UnsafeBufferPointer(rebasing: value[1..<(value.count - 1)])
            if inner.allSatisfy({ $0 == 0x20 }) { return (key, .sequence(Node.Sequence([], implicit, .flow))) }
            var items: [Node] = []
            for piece in inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                var from = piece.startIndex
                var to = piece.endIndex
                while from < to, inner[from] == 0x20 { from += 1 }
                while to > from, inner[to - 1] == 0x20 { to -= 1 }
                let item = UnsafeBufferPointer(rebasing: inner[from..<to])
                guard isPlain(item, inFlow: true) else { return nil }
                items.append(.scalar(Node.Scalar(String(decoding: item, as: UTF8.self), implicit, .plain)))
            }
            return (key, .sequence(Node.Sequence(items, implicit, .flow)))
        }
        guard isPlain(value, inFlow: false) else { return nil }
        return (key, .scalar(Node.Scalar(String(decoding: value, as: UTF8.self), implicit, .plain)))
    }

    /// Text that YAML reads as exactly itself: printable ASCII, not starting with an indicator,
    /// no `: ` or ` #` inside (nor `:` at the end), no brackets, and no comma or colon in a flow list.
    private static func isPlain(_ text: UnsafeBufferPointer<UInt8>, inFlow: Bool) -> Bool {
        guard let first = text.first, !indicators.contains(first) else { return false }
        var previous: UInt8 = 0
        for byte in text {
            guard byte >= 0x20, byte < 0x7F else { return false }
            if byte == UInt8(ascii: "#") && previous == 0x20 { return false }
            if previous == UInt8(ascii: ":") && byte == 0x20 { return false }
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                return false
            }
            if inFlow, byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") { return false }
            previous = byte
        }
        return previous != UInt8(ascii: ":")
    }

    /// One implicit tag for every node: Yams makes a new one (with a dictionary) each time it is asked,
    /// which cost more than reading the line. Nodes only hold it; nothing changes it.
    nonisolated(unsafe) private static let implicit = Tag.implicit

    /// Bytes that start something other than a plain scalar: `-?:,[]{}#&*!|>'"%@` and the backquote.
    private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
