import Corpus
import Journal
import Testing

/// The one escaping of HTML and XML text (pages, charts, feeds) against a plain reading of its
/// rule, scalar by scalar: `& < > " '` as entities, C0 controls other than tab, line feed and
/// carriage return dropped, and U+FFFE and U+FFFF dropped.
@Suite struct HTMLTextTests {
    static let entities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]

    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let entity = entities[scalar] {
                out += entity
                continue
            }
            let control = scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value)
            if !control && scalar != "\u{FFFE}" && scalar != "\u{FFFF}" { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    @Test func escapesByTheRule() {
        var random = SeededRandom(state: 3)
        let pieces = [
            "a", "<p>", "&amp;", "\"", "'", "\u{0}", "\u{1F}", "\t", "\r\n", "é", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFFF}",
            "🙂", " ", "plain text of some length",
        ]
        for _ in 0..<20_000 {
            let text = (0..<random.int(0...10)).map { _ in random.pick(pieces) }.joined()
            let expected = Self.reference(text)
            #expect(HTMLText.escape(text) == expected, "\(text.debugDescription)")
            var bytes: [UInt8] = Array("x".utf8)
            HTMLText.appendEscaped(text, to: &bytes)
            #expect(bytes == Array(("x" + expected).utf8))
        }
    }
}
