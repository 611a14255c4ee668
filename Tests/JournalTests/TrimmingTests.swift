import Corpus
import Foundation
import Journal
import Testing

/// Support's one trimming helper says what Foundation's `trimmingCharacters(in:
/// .whitespacesAndNewlines)` says, on strings and substrings with ASCII and other whitespace at
/// either end (its ASCII fast path cuts bytes; the rest goes by Unicode properties).
@Suite struct TrimmingTests {
    static let pieces = [
        " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{A0}", "\u{3000}", "\u{85}", "\u{2028}", "a", "Zürich", "é", "🙂",
        "e\u{301}", "x y", ",", "",
    ]

    @Test func agreesWithFoundation() {
        var random = SeededRandom(state: 5)
        for _ in 0..<20_000 {
            let text = (0..<random.int(0...6)).map { _ in random.pick(Self.pieces) }.joined()
            let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(text.trimmingWhitespace == expected, "\(text.debugDescription)")
            let padded = "[" + text + "]"
            let inner = padded.dropFirst().dropLast()
            #expect(inner.trimmingWhitespace == expected, "substring \(text.debugDescription)")
        }
        #expect("  Alder Media \t".trimmingWhitespace == "Alder Media")
        #expect("\u{A0}Café\u{3000}".trimmingWhitespace == "Café")
        #expect(" \n ".trimmingWhitespace == "")
    }
}
