import Corpus
import Testing

@testable import Journal

@Suite struct TextKeyTests {
    @Test func orderIsCodePointOrder() {
        // Canonically equivalent strings differ: "é" precomposed (U+00E9) sorts after "e\u{301}".
        #expect(TextKey.precedes("e\u{301}", "\u{E9}"))
        #expect(!TextKey.precedes("\u{E9}", "e\u{301}"))
        #expect(!TextKey.same("\u{E9}", "e\u{301}"))
        #expect(TextKey.precedes("Z", "a"))
        #expect(TextKey.precedes("\u{FFFD}", "\u{1F600}"))
        var random = SeededRandom(state: 7)
        let alphabet: [Unicode.Scalar] = ["a", "B", "-", " ", "\u{E9}", "\u{301}", "\u{FFFD}", "\u{1F600}", "\u{10FFFF}", "0"]
        for _ in 0..<5_000 {
            var a = String.UnicodeScalarView()
            var b = String.UnicodeScalarView()
            for _ in 0..<random.int(0...5) { a.append(random.pick(alphabet)) }
            for _ in 0..<random.int(0...5) { b.append(random.pick(alphabet)) }
            let (x, y) = (String(a), String(b))
            #expect(TextKey.precedes(x, y) == x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars))
            #expect(TextKey.same(x, y) == x.unicodeScalars.elementsEqual(y.unicodeScalars))
        }
    }

    @Test func asciiNamesNormaliseLikeUnicodeNames() {
        #expect(TextKey.normalized("  Acme GmbH \t") == "acme gmbh")
        #expect(TextKey.normalized("  Émile  ") == "émile")
        #expect(Slug.make("Acme GmbH — iOS Engineer") == "acme-gmbh-ios-engineer")
        #expect(Slug.make("Ça Va? Crème") == "ca-va-creme")
    }
}
