import Foundation

/// One file's text, split into lines, with what a diagnostic needs to point into it.
///
/// Byte-order marks are removed and CRLF endings accepted; columns still count the file's own bytes.
public struct SourceText: Sendable {
    /// The path shown in diagnostics.
    public let displayPath: String
    /// The path relative to the Content folder (ordering and identity).
    public let relativePath: String
    /// The text without a leading byte-order mark.
    public let text: String
    /// Lines without their `\n` or `\r\n`.
    public let lines: [Substring]
    public let hadByteOrderMark: Bool

    public init(displayPath: String, relativePath: String, text: String) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        var body = text
        hadByteOrderMark = body.unicodeScalars.first == "\u{FEFF}"
        if hadByteOrderMark { body.unicodeScalars.removeFirst() }
        self.text = body
        // Split on bytes: Swift reads "\r\n" as one Character, so a Character split would miss CRLF lines.
        // Byte offsets are found in the contiguous UTF-8 first, then turned into string indexes.
        var ends: [(start: Int, end: Int)] = []
        body.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
                let end = index > start && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                ends.append((start, end))
                start = index + 1
            }
            ends.append((start, bytes.count))
        }
        let utf8 = body.utf8
        self.lines = ends.map { range in
            body[utf8.index(utf8.startIndex, offsetBy: range.start)..<utf8.index(utf8.startIndex, offsetBy: range.end)]
        }
    }

    /// Decodes bytes as UTF-8, or gives the error diagnostic at the first invalid byte.
    public static func decode(_ data: Data, displayPath: String, relativePath: String) -> Result<SourceText, Diagnostic> {
        if let text = String(validating: data, as: UTF8.self) {  // the fast path: valid files
            return .success(SourceText(displayPath: displayPath, relativePath: relativePath, text: text))
        }
        var line = 1
        var column = 1
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += encoded.count
                }
                offset += encoded.count
            case .emptyInput:
                break loop
            case .error:
                let byte = data[data.startIndex + offset]
                let hex = String(byte, radix: 16, uppercase: true)
                return .failure(
                    .error(
                        SourceLocation(file: displayPath, line: line, column: column),
                        "file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save it as UTF-8"))
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        return .success(SourceText(displayPath: displayPath, relativePath: relativePath, text: text))
    }

    /// The location of a 1-based line and byte column of the text given to the parser.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column + (line == 1 && hadByteOrderMark ? 3 : 0))
    }

    /// A line's text (1-based), empty past the end.
    public func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// The text of a line from a 1-based byte column on.
    public func line(_ number: Int, fromColumn column: Int) -> Substring {
        let text = line(number)
        let utf8 = text.utf8
        guard let start = utf8.index(utf8.startIndex, offsetBy: max(column - 1, 0), limitedBy: utf8.endIndex) else {
            return ""
        }
        return Substring(text[start...])
    }

    /// Lines `first...last` joined with `\n`.
    public func lines(_ first: Int, _ last: Int) -> String {
        guard first <= last else { return "" }
        return (first...last).map { String(line($0)) }.joined(separator: "\n")
    }
}

extension StringProtocol {
    /// The 1-based UTF-8 byte column of `index` in this line.
    func byteColumn(of index: Index) -> Int {
        utf8.distance(from: utf8.startIndex, to: index) + 1
    }
}
