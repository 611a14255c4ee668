import Foundation
import TestSupport
import Testing

@testable import Journal

/// A shared journal repository may hold links: none may lead the reader outside Content.
@Suite struct ContentLinkTests {
    @Test func linksOutsideContentAreNotReadAndSaySo() throws {
        let folder = TemporaryFolder()
        try folder.write("Content/journal/a.md", "## Acme — Dev\n- 2026-03-01 applied\n")
        try folder.write("private/secret.md", "## Secret Employer — Dev\n- 2026-03-01 applied\n")
        try folder.write("Content/articles/shared/ok.md", "---\ntitle: T\ndate: 2026-01-01\nsummary: s\n---\nx\n")
        let journal = folder.url.appendingPathComponent("Content/journal")
        try FileManager.default.createSymbolicLink(
            at: journal.appendingPathComponent("linked"), withDestinationURL: folder.url.appendingPathComponent("private"))
        try FileManager.default.createSymbolicLink(
            at: journal.appendingPathComponent("root"), withDestinationURL: URL(fileURLWithPath: "/"))
        try FileManager.default.createSymbolicLink(
            at: journal.appendingPathComponent("one.md"),
            withDestinationURL: folder.url.appendingPathComponent("private/secret.md"))
        // A link that stays inside Content is read.
        try FileManager.default.createSymbolicLink(
            at: journal.appendingPathComponent("inside"),
            withDestinationURL: folder.url.appendingPathComponent("Content/articles/shared"))
        let loaded = JournalLoader.load(content: folder.url.appendingPathComponent("Content"))
        #expect(loaded.applications.map(\.company) == ["Acme"])
        let messages = loaded.diagnostics.filter { $0.message.contains("outside the Content folder") }.map { $0.location!.file }
        #expect(messages.count == 3, "\(loaded.diagnostics)")
        #expect(loaded.diagnostics.contains { $0.location!.file.hasSuffix("journal/inside/ok.md") }, "the inside link was read")
    }

    @Test func aNameThatIsNotUTF8IsReportedAndNamesCannotDriveTheTerminal() throws {
        let folder = TemporaryFolder()
        try folder.write("Content/journal/a.md", "## Acme — Dev\n- 2026-03-01 applied\n")
        let bad = folder.url.appendingPathComponent("Content/journal").path + "/caf\u{FFFD}"
        _ = bad
        let raw = Array(folder.url.appendingPathComponent("Content/journal").path.utf8) + Array("/caf".utf8) + [0xE9, 0]
        raw.withUnsafeBufferPointer { _ = mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755) }
        let loaded = JournalLoader.load(content: folder.url.appendingPathComponent("Content"))
        #expect(loaded.diagnostics.contains { $0.message.contains("not UTF-8") })
        let escape = Diagnostic.warning(SourceLocation(file: "journal/\u{1B}[31mred.md", line: 1, column: 1), "x")
        #expect(escape.description == "journal/\\u{1b}[31mred.md:1:1: warning: x")
    }
}

@Suite struct InvisibleCharacterTests {
    @Test func bidiAndZeroWidthCharactersAreNamedAtTheirPlace() {
        let j = journal(["a.md": "## Acme\u{202E}lived — Dev\n- 2026-03-01 applied: a\u{200B}b\n"])
        #expect(
            j.diagnostics.map(\.description) == [
                "journal/a.md:1:8: warning: invisible character U+202E (bidi embedding or override): it changes how the text around it reads; remove it unless you meant it",
                "journal/a.md:2:24: warning: invisible character U+200B (zero-width): it changes how the text around it reads; remove it unless you meant it",
            ])
    }
}
