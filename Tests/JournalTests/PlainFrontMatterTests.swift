import Corpus
import Testing
import Yams

@testable import Journal

/// The plain front-matter reader against Yams: on every text it accepts, the same keys in the same
/// order at the same places, with the same values; and it accepts what files usually hold.
@Suite struct PlainFrontMatterTests {
    static let keys = ["company", "role", "tags", "Source", "x-y", "a_b", "link", "on", "title", "date2"]
    static let values = [
        "Alder Media", "Senior iOS Engineer", "a: b", "a:b", "x #y", "x#y", "'quoted'", "\"double\"", "- item", "~", "null",
        "yes", "12", "-5", "2026-01-02", "http://example.com/a?b=1#c", "[a, b]", "[a,b]", "[]", "[ ]", "[a, , b]", "[a,]",
        "[a: b]", "[a, [b]]", "[a:b, c]", "[ios , remote ]", "Café", "tab\there", "trailing   ", "&anchor x", "*alias",
        "!tag x", "|", ">", "%x", "@x", "`x`", "{a: b}", "a, b", "a]b", "x:", "", "(remote)", "C++ / Go", "50%", "a.b.c",
        "$100k", "key: value: more", "[a, b] c", "? x", "=", ".", "...", "A & B", "\"unclosed", "a ' b", "100:30",
    ]
    static let otherLines = [
        "# a comment", "", "   ", "  indented: x", "key:value", "- list item", "...", "company: again", "\tcompany: tab",
        "Tags: [x]", "--- ", "ünïcode: key", "tags:", "role:", "x-y:  [ a ,b ]  ",
    ]

    static func fields(_ mapping: YAMLMapping) -> [String] {
        mapping.fields.map { field in
            "\(field.key)@\(field.location.line):\(field.location.column)=\(describe(field.node))"
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "scalar(\(scalar.string)|\(scalar.style == .plain))"
        case .sequence(let sequence): return "[" + sequence.map(describe).joined(separator: ";") + "]"
        case .mapping: return "mapping"
        case .alias: return "alias"
        }
    }

    @Test func agreesWithYamsOnEveryTextItAccepts() {
        var random = SeededRandom(state: 17)
        var accepted = 0
        var refused = 0
        for _ in 0..<6_000 {
            var lines: [String] = []
            for _ in 0..<random.int(0...6) {
                if random.chance(15) {
                    lines.append(random.pick(Self.otherLines))
                } else {
                    lines.append("\(random.pick(Self.keys)):\(random.chance(90) ? " " : "  ")\(random.pick(Self.values))")
                }
            }
            let yaml = lines.joined(separator: "\n")
            let source = SourceText(displayPath: "a.md", relativePath: "a.md", text: "---\n" + yaml + "\n---\n")
            guard let plain = PlainFrontMatter.parse(yaml, source: source, firstLine: 2) else {
                refused += 1
                continue
            }
            accepted += 1
            switch YAMLMapping.parse(yaml, source: source, firstLine: 2, what: "front matter") {
            case .success(let yams): #expect(Self.fields(plain) == Self.fields(yams), "\(yaml)")
            case .failure(let diagnostic): Issue.record("Yams refused what the plain reader read: \(yaml)\n\(diagnostic)")
            }
        }
        #expect(accepted > 500)
        #expect(refused > 500)
    }

    @Test func readsTheUsualFrontMatterItself() throws {
        let yaml =
            "company: Alder Media 2\nrole: Senior iOS Engineer\nsource: job board\ntags: [ios, remote]\n\n# noted\nlink: https://example.com/jobs/2"
        let source = SourceText(displayPath: "a.md", relativePath: "a.md", text: "---\n" + yaml + "\n---\n")
        let plain = try #require(PlainFrontMatter.parse(yaml, source: source, firstLine: 2))
        #expect(
            Self.fields(plain) == [
                "company@2:1=scalar(Alder Media 2|true)", "role@3:1=scalar(Senior iOS Engineer|true)",
                "source@4:1=scalar(job board|true)", "tags@5:1=[scalar(ios|true);scalar(remote|true)]",
                "link@8:1=scalar(https://example.com/jobs/2|true)",
            ])
        // What it leaves to Yams.
        for hard in ["role: \"Dev: Senior\"", "tags:\n  - ios", "company: A\ncompany: B", "company: A # note", "role: Café"] {
            #expect(PlainFrontMatter.parse(hard, source: source, firstLine: 2) == nil, "\(hard)")
        }
    }
}
