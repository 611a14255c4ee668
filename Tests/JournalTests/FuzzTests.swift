import Corpus
import Foundation
import TestSupport
import Testing

@testable import Journal

/// Seeded mutations of the example journal and articles: every case must end in a journal (with or
/// without diagnostics), never a crash or a hang. The Site suite renders a sample of them too.
@Suite struct FuzzTests {
    static let content = TestPaths.exampleContent

    static func seeds() -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        for folder in ["journal", "articles"] {
            let root = content.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(atPath: root.path)
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix(".md"), let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
                {
                    files.append((folder + "/" + path, Array(data)))
                }
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test func mutatedJournalsAlwaysGiveAJournalOrDiagnostics() {
        let seeds = Self.seeds()
        #expect(seeds.count >= 10)
        var random = SeededRandom(state: 2026)
        var withErrors = 0
        for round in 0..<3000 {
            let (path, bytes) = seeds[round % seeds.count]
            let mutated = Mutator.mutate(bytes, &random)
            if let dump = ProcessInfo.processInfo.environment["FOLLOWUP_FUZZ_DUMP"] {
                try? Data(mutated).write(to: URL(fileURLWithPath: dump))
                try? Data("\(round) \(path)".utf8).write(to: URL(fileURLWithPath: dump + ".round"))
            }
            let isArticle = path.hasPrefix("articles/")
            switch SourceText.decode(Data(mutated), displayPath: path, relativePath: String(path.split(separator: "/").last!)) {
            case .failure(let diagnostic):
                #expect(diagnostic.isError)
                withErrors += 1
            case .success(let source):
                if isArticle {
                    _ = ArticleReader.read(source)
                } else {
                    let journal = JournalBuilder.build(sources: [source], config: SiteConfig())
                    if journal.hasErrors { withErrors += 1 }
                    for diagnostic in journal.diagnostics {
                        #expect(diagnostic.location!.line >= 1 && diagnostic.location!.column >= 1)
                    }
                }
            }
        }
        #expect(withErrors > 50, "the mutations should also produce broken input")
    }
}

/// The mutations: byte flips, truncation, duplicated lines, swapped dates, random YAML, bidi and
/// zero-width characters, very long lines. Deterministic for a seed.
enum Mutator {
    typealias Random = SeededRandom

    static let nasty: [String] = [
        "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{0}", "\r", "\r\n", "<script>alert(1)</script>", "</script>",
        "javascript:alert(1)", "../../etc/passwd", "/etc/passwd", "😀", "𝕏", "e\u{301}", "---\n", "## A — B\n",
        "- 2026-02-30 reply\n", "- 24:00 x\n", "*a: &a [1,2]\n", "key: [unclosed\n", ": : :\n", "    - nested\n",
        "```\n", "> - 2026-01-01 applied\n", "- 2026-01-01 25:61 interview\n", "\u{2028}",
    ]

    static func mutate(_ input: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = input
        for _ in 0...random.below(3) {
            switch random.below(9) {
            case 0 where !bytes.isEmpty:  // flip a byte
                let i = random.below(bytes.count)
                bytes[i] ^= UInt8(1 << random.below(8))
            case 1:  // truncate
                bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
            case 2:  // duplicate a line
                let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
                if !lines.isEmpty {
                    var copy = Array(lines)
                    copy.insert(lines[random.below(lines.count)], at: random.below(lines.count))
                    bytes = Array(copy.joined(separator: [10]))
                }
            case 3:  // swap two dates' days
                if var text = String(validating: bytes, as: UTF8.self) {
                    text = text.replacingOccurrences(of: "-0\(random.below(9) + 1) ", with: "-3\(random.below(10)) ")
                    bytes = Array(text.utf8)
                }
            case 4:  // random YAML line into the front matter area
                let yaml = [
                    "tags: {a: [b, {c: d}]}", "private: maybe", "company: [x, y]", "date: 99999-01-01", "&x a: *x",
                    "? complex\n: key",
                ]
                bytes.insert(contentsOf: Array((yaml[random.below(yaml.count)] + "\n").utf8), at: min(4, bytes.count))
            case 5:  // nasty text anywhere
                let piece = Array(nasty[random.below(nasty.count)].utf8)
                bytes.insert(contentsOf: piece, at: random.below(bytes.count + 1))
            case 6:  // a very long line
                bytes += Array(
                    ("- 2026-03-01 note: " + String(repeating: "ab ", count: 20_000 + random.below(30_000)) + "\n").utf8)
            case 7:  // deep nesting
                let depth = 20 + random.below(120)
                bytes += Array((0..<depth).map { String(repeating: "  ", count: $0) + "- 2026-01-01 x\n" }.joined().utf8)
            default:  // random bytes
                bytes.insert(
                    contentsOf: (0..<random.below(16)).map { _ in UInt8(truncatingIfNeeded: random.next()) },
                    at: random.below(bytes.count + 1))
            }
        }
        return bytes
    }
}
