import Corpus
import Testing

@testable import Support

/// The ASCII way of making a slug says what the general (scalar by scalar) way says.
@Suite struct ASCIISlugTests {
    @Test func agreesWithTheGeneralWay() {
        var random = SeededRandom(state: 9)
        let pieces = ["Alder", " ", "-", "--", "Media", "3", "C++", "(remote)", "a.b", "_", "Z", "x", "/", "&"]
        for _ in 0..<20_000 {
            let text = (0..<random.int(0...12)).map { _ in random.pick(pieces) }.joined()
            #expect(Slug.makeASCII(text, fallback: "f") == Slug.makeScalars(text, fallback: "f"), "\(text)")
        }
        let long = String(repeating: "ab-", count: 100)
        #expect(Slug.makeASCII(long, fallback: "f") == Slug.makeScalars(long, fallback: "f"))
        #expect(Slug.make("Alder Media — iOS (Remote)") == "alder-media-ios-remote")
    }
}
