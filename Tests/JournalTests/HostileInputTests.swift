import Foundation
import TestSupport
import Testing

@testable import Journal

/// Input a careless editor or a hostile file can produce: a diagnostic at most, never a crash or a hang.
@Suite struct HostileInputTests {
    @Test func byteOrderMarkAndCRLFAreAccepted() {
        let text = "\u{FEFF}---\r\ncompany: Bom Co\r\nrole: Dev\r\n---   \r\n\r\n- 2026-03-01 applied\r\n- 2026-03-40 reply\r\n"
        let j = journal(["a.md": text])
        #expect(j.applications.first?.company == "Bom Co")
        #expect(printed(j) == ["journal/a.md:7:3: error: invalid date '2026-03-40'"])
    }

    @Test func byteOrderMarkShiftsColumnsOfTheFirstLine() {
        let j = journal(["a.md": "\u{FEFF}- 2026-03-01 reply\n"])
        #expect(printed(j).first?.hasPrefix("journal/a.md:1:6: warning: event outside any application") == true)
    }

    @Test func emptyAndBlankFilesHoldNothing() {
        let j = journal(["a.md": "", "b.md": "\n\n  \n", "c.md": "\u{FEFF}"])
        #expect(j.applications.isEmpty)
        #expect(j.diagnostics.isEmpty)
    }

    @Test func yamlAliasBombIsRefused() {
        var yaml = "---\ncompany: Bomb\na0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += "---\n"
        let j = journal(["bomb.md": yaml])
        #expect(
            printed(j) == [
                "journal/bomb.md:2:1: error: front matter expands to more than 10000 values (YAML aliases?); it is not read"
            ])
    }

    @Test func deeplyNestedListsAndQuotesDoNotCrash() {
        let nested = "## Deep — Dev\n" + (0..<500).map { String(repeating: "  ", count: $0) + "- 2026-01-01 applied\n" }.joined()
        let quoted = "## Q — Dev\n" + String(repeating: ">", count: 5000) + " - 2026-01-01 applied\n"
        let brackets = String(repeating: "[", count: 50000) + "\n"
        let j = journal(["a.md": nested, "b.md": quoted, "c.md": brackets])
        #expect(j.applications.map(\.events.count) == [1, 0])
        #expect(!j.hasErrors)
    }

    @Test func controlCharactersAreEscapedInMessages() {
        let j = journal(["a.md": "## A — B\n- 2026-01-01 zap\u{1B}[31m\n"])
        #expect(printed(j).first?.contains("'zap\\u{1b}[31m'") == true)
    }

    @Test func symlinkLoopIsSkippedWithAWarning() throws {
        let folder = TemporaryFolder()
        try folder.write("journal/a.md", "## A — B\n- 2026-01-01 applied\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("journal/loop").path, withDestinationPath: "..")
        let j = JournalLoader.load(content: folder.url)
        #expect(j.applications.count == 1)
        #expect(j.diagnostics.count == 1)
        #expect(j.diagnostics.first?.message.contains("symlink loop") == true)
    }

    @Test func invalidUTF8FileIsAnErrorAndOthersStillRead() throws {
        let folder = TemporaryFolder()
        try folder.write("journal/a.md", "## A — B\n- 2026-01-01 applied\n")
        try folder.write("journal/b.md", Data([0x23, 0x20, 0xC3, 0x28, 0x0A]))
        let j = JournalLoader.load(content: folder.url)
        #expect(j.applications.count == 1)
        #expect(j.diagnostics.map(\.message) == ["file is not valid UTF-8 (byte 0xC3); save it as UTF-8"])
        #expect(j.diagnostics.first?.location!.line == 1 && j.diagnostics.first?.location!.column == 3)
    }
}

/// Inputs that once crashed the reader, found by the fuzz test; each must now read cleanly.
@Suite struct FuzzRegressionTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("fuzz-regressions")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test(arguments: cases)
    func readsWithoutCrashing(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let source = try SourceText.decode(data, displayPath: name, relativePath: name).get()
        let j = JournalBuilder.build(sources: [source], config: SiteConfig())
        #expect(j.diagnostics.allSatisfy { $0.location!.line >= 1 })
    }
}

@Suite struct VanishingFileTests {
    @Test func aFileThatVanishesBeforeItIsReadIsAnError() {
        var diagnostics: [Diagnostic] = []
        let gone = ContentFiles.File(relativePath: "gone.md", url: URL(fileURLWithPath: "/nonexistent/followup/gone.md"))
        let sources = JournalLoader.decode([gone], folder: "journal", displayPrefix: "Content/", diagnostics: &diagnostics)
        #expect(sources.isEmpty)
        #expect(diagnostics.map(\.description) == ["Content/journal/gone.md:1:1: error: cannot read this file"])
    }

    @Test func theExampleUsesEveryEventKind() {
        let root = TestPaths.exampleContent
        let journal = JournalLoader.load(content: root)
        #expect(journal.diagnostics.isEmpty, "\(journal.diagnostics)")
        let kinds = Set(journal.applications.flatMap { $0.events.map(\.kind) })
        #expect(kinds == Set(EventKind.allCases))
        #expect(journal.applications.count >= 30)
        #expect(journal.applications.contains { $0.isPrivate })
        #expect(journal.articles.filter { !$0.isDraft }.count >= 4)
    }
}
