import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct EditCommandTests {
    func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("followup-edit-\(UUID().uuidString)")
    }

    @Test func initNewAndAddWorkTogether() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try Runner.run(["init", root.path])
        #expect(created.status == 0)
        for path in [
            "Content/site.yml", "Content/articles/how-to-keep-this-journal.md", "Themes/default/templates/layout.mustache",
            "Themes/default/assets/style.css",
        ] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(path)")
        }
        let site = try String(contentsOf: root.appendingPathComponent("Content/site.yml"), encoding: .utf8)
        #expect(site.contains("silent_after_days: 30"))
        #expect(try Runner.run(["init", root.path]).status == 64, "init refuses a non-empty folder")
        #expect(try Runner.run(["check"], in: root).status == 0)

        let contentBefore = Runner.snapshot(root.appendingPathComponent("Content"))
        let new = try Runner.run(
            ["new", "application", "--company", "Globex", "--role", "Platform Engineer", "--today", "2026-03-01"], in: root)
        #expect(new.status == 0)
        #expect(new.stdout == "Content/journal/globex-platform-engineer.md\n")
        let written = try String(
            contentsOf: root.appendingPathComponent("Content/journal/globex-platform-engineer.md"), encoding: .utf8)
        #expect(
            written
                == "---\ncompany: \"Globex\"\nrole: \"Platform Engineer\"\nsource:\nlocation:\nlink:\ncontact:\ntags: []\nprivate: false\n---\n\n- 2026-03-01 applied\n\nNotes about the role, the people and what to prepare go here.\n"
        )
        var contentAfter = Runner.snapshot(root.appendingPathComponent("Content"))
        contentAfter["journal/globex-platform-engineer.md"] = nil
        #expect(contentAfter == contentBefore, "new must not touch any other file")
        let again = try Runner.run(["new", "application", "--company", "Globex", "--role", "Platform Engineer"], in: root)
        #expect(again.status == 1)
        #expect(
            again.stderr.contains(
                "Content/journal/globex-platform-engineer.md:1:1: 'Globex — Platform Engineer' is already in the journal"))
        let forced = try Runner.run(
            ["new", "application", "--company", "Globex", "--role", "Platform Engineer", "--force"], in: root)
        #expect(forced.status == 64 && forced.stderr.contains("already exists"), "--force never overwrites a file")

        let file = root.appendingPathComponent("Content/journal/globex-platform-engineer.md")
        let before = try Data(contentsOf: file)
        let added = try Runner.run(
            ["add", "Globex", "interview", "with the team", "--date", "2026-03-09", "--time", "10:00"], in: root)
        #expect(added.status == 0, "\(added.stderr)")
        let after = try Data(contentsOf: file)
        let line = Data("- 2026-03-09 10:00 interview: with the team\n".utf8)
        let expected = try #require(String(data: before, encoding: .utf8)).replacingOccurrences(
            of: "- 2026-03-01 applied\n", with: "- 2026-03-01 applied\n" + String(decoding: line, as: UTF8.self))
        #expect(String(decoding: after, as: UTF8.self) == expected)
        var others = Runner.snapshot(root.appendingPathComponent("Content"))
        others["journal/globex-platform-engineer.md"] = nil
        #expect(others == contentBefore, "add must not touch any other file")

        #expect(try Runner.run(["add", "Nobody", "reply"], in: root).status == 64)
        let badKind = try Runner.run(["add", "Globex", "coffee"], in: root)
        #expect(badKind.status == 64)
        #expect(badKind.stderr.contains("did you mean 'offer'?"))
        #expect(try Data(contentsOf: file) == after, "failed adds change nothing")

        let article = try Runner.run(["new", "article", "A first note", "--today", "2026-03-01"], in: root)
        #expect(article.stdout == "Content/articles/a-first-note.md\n")
        #expect(try Runner.run(["build", "--today", "2026-03-10", "--quiet"], in: root).status == 0)
    }
}
