import Foundation
import TestSupport
import Testing

/// Smaller findings of the second hardening round, through the command line.
@Suite struct HardeningCommandTests {
    @Test func anEmptyArticleTitleIsRefusedAndWritesNothing() throws {
        let root = try Runner.project("## Acme — Dev\n- 2026-03-01 applied\n")
        let before = Runner.snapshot(root.appendingPathComponent("Content"))
        let result = try Runner.run(["new", "article", "  "], in: root)
        #expect(result.status == 64)
        #expect(Runner.snapshot(root.appendingPathComponent("Content")) == before)
        #expect(try Runner.run(["build", "--today", "2026-03-15", "--quiet"], in: root).status == 0)
    }

    @Test func buildsLeaveNoLockFileBehind() throws {
        let root = try Runner.project("## Acme — Dev\n- 2026-03-01 applied\n")
        #expect(try Runner.run(["build", "--today", "2026-03-15", "--quiet"], in: root).status == 0)
        try "## Acme — Dev\n- 2026-02-30 applied\n".write(
            to: root.appendingPathComponent("Content/journal/a.md"), atomically: true, encoding: .utf8)
        #expect(try Runner.run(["build", "--today", "2026-03-15", "--quiet"], in: root).status == 1)
        let output = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Output").path)
        #expect(!output.contains(".followup-lock") && !output.contains(".followup-staging"), "\(output)")
    }
}

/// A new journal's local builds stay quiet about base_url; a public build still says it.
@Suite struct BaseURLNoteTests {
    @Test func onlyAPublicBuildAsksForAnAbsoluteBaseURL() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("followup-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Runner.run(["init", root.path]).status == 0)
        let siteYAML = try String(contentsOf: root.appendingPathComponent("Content/site.yml"), encoding: .utf8)
        #expect(!siteYAML.contains("\nbase_url:"), "init leaves base_url unset")
        let local = try Runner.run(["build", "--today", "2026-03-15"], in: root)
        #expect(local.status == 0, "\(local.stderr)")
        #expect(!local.stderr.contains("base_url"))
        let published = try Runner.run(["build", "--public", "--output", "Public", "--today", "2026-03-15"], in: root)
        #expect(published.stderr.contains("set base_url in site.yml"))
    }
}
