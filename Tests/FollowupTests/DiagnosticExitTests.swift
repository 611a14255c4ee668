import Foundation
import TestSupport
import Testing

/// Every diagnostic of journal-format.md through the real command: the printed line (path, line,
/// column, severity, message) and the exit code (1 for errors, 0 for warnings only).
@Suite(.serialized) struct DiagnosticExitTests {
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var text: String
        var expected: String
        var status: Int32
        var description: String { expected }
    }

    static let cases: [Case] = [
        Case(
            file: "journal/a.md", text: "## A — B\n- 2026-02-30 applied\n",
            expected: "Content/journal/a.md:2:3: error: invalid date '2026-02-30'", status: 1),
        Case(
            file: "journal/a.md", text: "## A — B\n- 2026-02-03 24:00 applied\n",
            expected: "Content/journal/a.md:2:14: error: invalid time '24:00' (use 00:00 to 23:59, or 1am to 12pm)", status: 1),
        Case(
            file: "journal/a.md", text: "---\ncompany: [x\n---\n",
            expected: "Content/journal/a.md:2:10: error: front matter is not valid YAML: '[' is never closed", status: 1),
        Case(
            file: "journal/a.md", text: "---\n- x\n---\n",
            expected: "Content/journal/a.md:2:1: error: front matter must be a mapping", status: 1),
        Case(
            file: "journal/a.md", text: "---\nrole: Dev\n---\n",
            expected: "Content/journal/a.md:1:1: error: application has no company", status: 1),
        Case(
            file: "journal/a.md", text: "## A — B\n- 2026-01-01 applied\n## A — b\n- 2026-01-01 reply\n",
            expected: "Content/journal/a.md:3:4: error: duplicate application", status: 1),
        Case(
            file: "site.yml", text: "unsafe_html: sometimes\n",
            expected: "Content/site.yml:1:1: error: 'unsafe_html' must be true or false", status: 1),
        Case(
            file: "journal/a.md", text: "## A — B\n- 2026-01-01 coffee\n",
            expected: "Content/journal/a.md:2:14: warning: unknown event kind 'coffee'", status: 0),
        Case(
            file: "journal/a.md", text: "---\ncompany: A\nmood: x\n---\n",
            expected: "Content/journal/a.md:3:1: warning: unknown property 'mood'", status: 0),
        Case(
            file: "journal/a.md", text: "## A — B\n- 2026-01-01 rejected\n- 2026-01-05 reply\n",
            expected: "Content/journal/a.md:3:3: warning: 'reply' is dated after the application's final outcome", status: 0),
        Case(
            file: "articles/x.md", text: "---\ntitle: T\ndate: 2026-01-01\n---\nBody\n",
            expected: "Content/articles/x.md:1:1: warning: article has no 'summary'", status: 0),
        Case(
            file: "journal/a.md", text: "## A — B\n- 2026-1-01 applied\n",
            expected: "Content/journal/a.md:2:3: warning: '2026-1-01' is not a date in the form YYYY-MM-DD", status: 0),
        Case(
            file: "journal/a.md", text: "# T\n- 2026-01-01 applied\n",
            expected: "Content/journal/a.md:2:3: warning: event outside any application", status: 0),
        Case(
            file: "journal/a.md", text: "## Initrode\n- 2026-01-01 applied\n",
            expected: "Content/journal/a.md:1:4: warning: heading 'Initrode' has no separator", status: 0),
        Case(
            file: "journal/a.md", text: "---\ncompany: A\n- 2026-01-01 applied\n",
            expected: "Content/journal/a.md:1:1: error: front matter is not closed", status: 1),
    ]

    @Test(arguments: cases)
    func diagnosticAndExitCode(_ example: Case) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("followup-diag-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("Content/" + example.file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content/journal"), withIntermediateDirectories: true)
        try Data(example.text.utf8).write(to: url)
        let result = try Runner.run(["check"], in: folder)
        #expect(result.status == example.status, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").contains { $0.hasPrefix(example.expected) }, "\(result.stderr)")
    }

    @Test func invalidUTF8ExitsOneWithTheByte() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("followup-diag-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content/journal"), withIntermediateDirectories: true)
        try Data([0x23, 0x23, 0x20, 0x41, 0xC3, 0x28, 0x0A]).write(to: folder.appendingPathComponent("Content/journal/a.md"))
        let result = try Runner.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/journal/a.md:1:5: error: file is not valid UTF-8 (byte 0xC3); save it as UTF-8"))
    }
}
