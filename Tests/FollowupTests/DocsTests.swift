import Foundation
import TestSupport
import Testing

/// Every `docs/NAME.md` that the code or `--help` points at exists in the repository.
@Suite struct DocsTests {
    @Test func everyDocumentPointedAtExists() throws {
        let root = Runner.packageRoot
        var named = Set<String>()
        let sources = root.appendingPathComponent("Sources")
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) ?? .init()
        where url.pathExtension == "swift" && url.lastPathComponent != "EmbeddedTheme.swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            var rest = Substring(text)
            while let range = rest.range(of: "docs/") {
                let name = rest[range.lowerBound...].prefix { $0.isLetter || $0 == "/" || $0 == "." || $0 == "-" }
                if name.hasSuffix(".md") { named.insert(String(name)) }
                rest = rest[range.upperBound...]
            }
        }
        #expect(named.contains("docs/statistics.md") && named.contains("docs/journal.md"))
        for name in named {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path), "\(name) is missing")
        }
        let help = try Runner.run(["stats", "--help"])
        #expect(help.stdout.contains("docs/statistics.md"))
    }
}
