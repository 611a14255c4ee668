import Foundation
import Journal
import Testing

@testable import Site

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every kind of hostile value in every field, through every output format.
@Suite struct HostileValueTests {
    static let values = [
        "<b>x</b>", "</script><script>alert(1)</script>", "javascript:alert(1)", "../../../etc/passwd", "/etc/passwd",
        "a\u{0}b", "line\rbreak", "\u{202E}evil\u{202C}", "emoji 😀 𝕏", "=SUM(A1)", "+1", "-2", "@cmd", "\"quoted\" 'single'",
    ]

    func hostileJournal() -> Journal {
        var files: [(String, String)] = []
        for (i, value) in Self.values.enumerated() {
            let yamlValue =
                "\""
                + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\u{0}", with: "\\0").replacingOccurrences(of: "\r", with: "\\r") + "\""
            files.append(
                (
                    "h\(i).md",
                    "---\ncompany: \(yamlValue)\nrole: \(yamlValue)\ntags: [\(yamlValue)]\ncontact: \(yamlValue)\nlink: \(yamlValue)\n---\n- 2026-03-01 applied: \(value.replacingOccurrences(of: "\r", with: " ")) [l](\(value.replacingOccurrences(of: " ", with: "")))\n- 2026-03-20 10:00 interview: \(value.replacingOccurrences(of: "\r", with: " "))\n"
                ))
        }
        return JournalBuilder.build(files: files)
    }

    @Test func hostileValuesNeverEscapeTheirFormat() throws {
        let journal = hostileJournal()
        #expect(!journal.hasErrors, "\(journal.diagnostics.prefix(3))")
        #expect(journal.applications.count == Self.values.count)
        let (site, _) = try SiteFixture.render(journal, today: try #require(CivilDate(iso: "2026-03-15")))
        for path in site.files.keys {
            #expect(SitePath.isContained(path), "\(path)")
            #expect(!path.contains("..") && !path.hasPrefix("/"))
        }
        for (path, bytes) in site.files where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("<b>x</b>"), "\(path)")
            #expect(!text.contains("href=\"javascript:") && !text.contains("href=\"../../../etc"), "\(path)")
            #expect(!text.contains("\u{0}"), "\(path) holds a NUL")
        }
        let json = try JSONSerialization.jsonObject(with: Data(site.files["data/applications.json"] ?? []))
        #expect(json is [String: Any])
        let ics = site.text("calendar.ics")
        for line in ics.components(separatedBy: "\r\n") {
            #expect(!line.contains("\r") && !line.contains("\n") && !line.contains("\u{0}"))
        }
        let rows = CSVReader.parse(site.text("data/applications.csv"))
        #expect(rows.dropFirst().allSatisfy { $0.count == DataExports.csvHeader.count })
        #expect(rows.contains { $0[1] == "'=SUM(A1)" })
        #expect(rows.contains { $0[1] == "'@cmd" })
        for (path, bytes) in site.files where path.hasSuffix(".xml") {
            let parser = XMLParser(data: Data(bytes))
            #expect(parser.parse(), "\(path) is not well-formed XML")
        }
    }

    @Test func noteLinksKeepOnlyWebAndMailSchemes() throws {
        let text =
            "## A — B\n- 2026-03-01 applied: [w](https://ok.example) [m](mailto:a@b.c) [f](ftp://x) [r](../../x) [j](javascript:alert(1)) [d](data:text/html,x)\n"
        let (site, _) = try SiteFixture.render(
            JournalBuilder.build(files: [("a.md", text)]), today: try #require(CivilDate(iso: "2026-03-15")))
        let page = site.text("applications/a-b/index.html")
        #expect(page.contains("href=\"https://ok.example\""))
        #expect(page.contains("href=\"mailto:a@b.c\""))
        for bad in ["ftp://", "../../x", "javascript:", "data:text"] { #expect(!page.contains("href=\"\(bad)"), "\(bad)") }
    }

    @Test func aSampleOfFuzzedJournalsRenders() throws {
        let text = try String(
            contentsOf: SiteFixture.exampleContent.appendingPathComponent("journal/2026-autumn.md"), encoding: .utf8)
        var state: UInt64 = 7
        for round in 0..<60 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var bytes = Array(text.utf8)
            let cut = Int(state >> 33) % bytes.count
            bytes.insert(contentsOf: Array(HostileValueTests.values[round % HostileValueTests.values.count].utf8), at: cut)
            guard case .success(let source) = SourceText.decode(Data(bytes), displayPath: "f.md", relativePath: "f.md") else {
                continue
            }
            let journal = JournalBuilder.build(sources: [source], config: SiteConfig())
            if journal.hasErrors { continue }
            let (site, _) = try SiteFixture.render(journal, today: try #require(CivilDate(iso: "2026-11-20")))
            #expect(site.files["index.html"] != nil)
        }
    }
}

@Suite struct SitePathTests {
    @Test func onlyPathsThatStayInsideOutputAreContained() {
        for path in ["index.html", "a/b/index.html", "...", ".hidden", "a/..b/c", "a/b..", "x/.../y"] {
            #expect(SitePath.isContained(path), "\(path)")
        }
        for path in ["", "/etc/passwd", "a//b", "a/./b", "a/../b", "..", ".", "../x", "a/..", "a/", "a\\b", "a\u{0}b", "./a"] {
            #expect(!SitePath.isContained(path), "\(path.debugDescription)")
        }
    }
}
