import Foundation
import TestSupport
import Testing

/// `followup check` prints each fix under its diagnostic; `check --fix` writes them, only those
/// lines, and never touches a file with an error it cannot fix.
@Suite struct CheckFixTests {
    @Test func fixesAreShownThenAppliedInPlace() throws {
        let text = "## Acme — Dev\r\n- 2026-03-02 applied\r\n- **2026-03-04** reply\r\nlocation - Berlin\r\n"
        let root = try Runner.project(text)
        let file = root.appendingPathComponent("Content/journal/a.md")
        let shown = try Runner.run(["check"], in: root)
        #expect(shown.status == 0)
        #expect(
            shown.stderr.contains(
                "Content/journal/a.md:3:3: warning: '2026-03-04' is not a date in the form YYYY-MM-DD, so this item is not an event\n  fix: - 2026-03-04 reply\n"
            ), "\(shown.stderr)")
        #expect(try Data(contentsOf: file) == Data(text.utf8), "check without --fix writes nothing")

        let fixed = try Runner.run(["check", "--fix"], in: root)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("Content/journal/a.md:3: - 2026-03-04 reply"))
        #expect(fixed.stdout.contains("fixed 1 line; checking again"))
        let after = try String(contentsOf: file, encoding: .utf8)
        #expect(after == "## Acme — Dev\r\n- 2026-03-02 applied\r\n- 2026-03-04 reply\r\nlocation - Berlin\r\n")
        let quiet = try Runner.run(["check"], in: root)
        #expect(!quiet.stderr.contains("not a date"))
    }

    @Test func aFileWithAnUnfixableErrorIsNeverTouched() throws {
        let text = "## Acme — Dev\n- 2026-02-30 applied\n- Mar 4, 2026 reply\n"
        let root = try Runner.project(text)
        let file = root.appendingPathComponent("Content/journal/a.md")
        let result = try Runner.run(["check", "--fix"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/journal/a.md: not fixed: it has an error to correct by hand first"))
        #expect(try Data(contentsOf: file) == Data(text.utf8))
    }
}

/// `add` writes through `JournalFile`: concurrent adds keep every line, the file keeps its mode,
/// and a symlinked journal file stays a link whose target gets the event.
@Suite struct JournalWriteTests {
    @Test func concurrentAddsLoseNothing() throws {
        let root = try Runner.project("## Acme — Dev\n- 2026-03-01 applied\n")
        let notes = (1...8).map { "parallel note \($0)" }
        let group = DispatchGroup()
        let statuses = LockedList()
        for note in notes {
            group.enter()
            DispatchQueue.global().async {
                let result = try? Runner.run(["add", "acme", "note", note, "--date", "2026-03-05"], in: root)
                statuses.append(result?.status ?? -1)
                group.leave()
            }
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(statuses.values == Array(repeating: 0, count: 8))
        let text = try String(contentsOf: root.appendingPathComponent("Content/journal/a.md"), encoding: .utf8)
        for note in notes { #expect(text.contains("- 2026-03-05 note: \(note)\n"), "lost: \(note)") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Content/journal").path)
        #expect(leftovers == ["a.md"], "no temporary files are left behind")
    }

    @Test func modeAndSymlinksAreKept() throws {
        let root = try Runner.project("## Acme — Dev\n- 2026-03-01 applied\n", named: "real.md")
        let journal = root.appendingPathComponent("Content/journal")
        let real = journal.appendingPathComponent("real.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: real.path)
        // The link stays inside Content (links out of it are not read at all).
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Content/kept"), withIntermediateDirectories: true)
        let elsewhere = root.appendingPathComponent("Content/kept/elsewhere.md")
        try FileManager.default.moveItem(at: real, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: real, withDestinationURL: elsewhere)
        let result = try Runner.run(["add", "acme", "reply", "--date", "2026-03-04"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: real.path)
        #expect(link == elsewhere.path, "the journal file is still a link")
        #expect(try String(contentsOf: elsewhere, encoding: .utf8) == "## Acme — Dev\n- 2026-03-01 applied\n- 2026-03-04 reply\n")
        let mode = try FileManager.default.attributesOfItem(atPath: elsewhere.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

/// A list that several threads append to.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int32] = []
    func append(_ value: Int32) { lock.withLock { items.append(value) } }
    var values: [Int32] { lock.withLock { items } }
}
