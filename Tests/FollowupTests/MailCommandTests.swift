import Foundation
import TestSupport
import Testing

/// `followup mail`: suggestions printed, nothing written without `--write`, nothing new the second time.
@Suite struct MailCommandTests {
    static let fixture = Runner.packageRoot.appendingPathComponent("Tests/Fixtures/mail")

    @Test func writesOnlyWhenAskedAndOnlyOnce() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("followup-mail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: Self.fixture.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        let mbox = Self.fixture.appendingPathComponent("fixture.mbox").path
        let before = Runner.snapshot(root.appendingPathComponent("Content"))
        let shown = try Runner.run(["mail", mbox, "--today", "2026-03-20"], in: root)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.split(separator: "\n").count == 8)
        #expect(shown.stderr.contains("15 messages read, 9 matched, 1 skipped; 8 new suggestions (nothing written"))
        #expect(Runner.snapshot(root.appendingPathComponent("Content")) == before, "nothing written without --write")

        let json = try Runner.run(["mail", mbox, "--today", "2026-03-20", "--json"], in: root)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 8)
        #expect(Set(list[0].keys) == ["application", "date", "time", "kind", "note", "message_id", "reason"])

        let written = try Runner.run(["mail", mbox, "--today", "2026-03-20", "--write"], in: root)
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOf: root.appendingPathComponent("Content/journal/search.md"), encoding: .utf8)
        #expect(
            text.contains(
                "- 2026-03-10 10:00 interview\n- 2026-03-10 16:30 thank-you: Thank you for today\n- 2026-03-12 11:02 rejected: Your interview with Acme Robotics\n"
            ))
        let again = try Runner.run(["mail", mbox, "--today", "2026-03-20"], in: root)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.contains("0 new suggestions"))
        #expect(try Runner.run(["check", "--today", "2026-03-20"], in: root).status == 0)
    }
}
