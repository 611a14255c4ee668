import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct BuildCommandTests {
    static let journal = "## Acme — Dev\n- 2026-03-01 applied\n- 2026-03-03 reply\n"

    @Test func buildWritesTheSiteAndAnUnchangedRebuildWritesNothing() throws {
        let folder = try Runner.project(Self.journal)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Runner.run(["build", "--today", "2026-03-15", "--verbose"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/index.html").path))
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/applications/acme-dev/index.html").path))
        let second = try Runner.run(["build", "--today", "2026-03-15", "--verbose"], in: folder)
        #expect(second.status == 0)
        #expect(!second.stdout.contains("wrote "))
        #expect(second.stdout.contains(" 0 written,"))
    }

    @Test func aBrokenJournalLeavesOutputByteForByteUnchanged() throws {
        let folder = try Runner.project(Self.journal)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Runner.run(["build", "--today", "2026-03-15"], in: folder).status == 0)
        let before = Runner.snapshot(folder.appendingPathComponent("Output"))
        try "## Acme — Dev\n- 2026-03-01 applied\n- 2026-02-30 reply\n".write(
            to: folder.appendingPathComponent("Content/journal/a.md"), atomically: true, encoding: .utf8)
        let result = try Runner.run(["build", "--today", "2026-03-15"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/journal/a.md:3:3: error: invalid date '2026-02-30'"))
        #expect(result.stderr.contains("Output was not changed."))
        #expect(Runner.snapshot(folder.appendingPathComponent("Output")) == before)
        #expect(before.count > 10)
    }

    @Test func refusesToWriteIntoTheProjectFolder() throws {
        let folder = try Runner.project(Self.journal)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Runner.run(["build", "--output", "."], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("refusing to write into"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
    }

    @Test func worksWithoutAThemesFolderThroughTheBuiltInTheme() throws {
        let folder = try Runner.project(Self.journal)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Themes").path))
        #expect(try Runner.run(["build", "--today", "2026-03-15", "--public"], in: folder).status == 0)
        let css = folder.appendingPathComponent("Output/assets/style.css")
        #expect(FileManager.default.fileExists(atPath: css.path))
    }

    @Test func aBrokenThemeTemplateIsReportedAtItsLineAndColumn() throws {
        let folder = try Runner.project(Self.journal)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Runner.run(["build", "--today", "2026-03-15"], in: folder).status == 0)
        let before = Runner.snapshot(folder.appendingPathComponent("Output"))
        // A copy of the default theme (init writes one), with one section left open.
        #expect(try Runner.run(["init", "copy"], in: folder).status == 0)
        let theme = folder.appendingPathComponent("copy/Themes/default")
        try "<main>\n  {{#rows}}{{role}}\n</main>\n".write(
            to: theme.appendingPathComponent("templates/company.mustache"), atomically: true, encoding: .utf8)
        let result = try Runner.run(["build", "--today", "2026-03-15", "--theme", "copy/Themes/default"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("copy/Themes/default/templates/company.mustache:2:3: error: section 'rows' is never closed"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("error: error") && !result.stderr.hasPrefix("error: /"))
        #expect(Runner.snapshot(folder.appendingPathComponent("Output")) == before)
    }
}
