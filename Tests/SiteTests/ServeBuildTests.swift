import Foundation
import Journal
import TestSupport
import Testing

@testable import Site

/// Serve's later builds do not scan Output (they wrote it): they must still find what changed,
/// and still refuse to write over a file Followup did not write.
@Suite struct ServeBuildTests {
    static func request(_ folder: TemporaryFolder) -> BuildRequest {
        BuildRequest(
            content: folder.url.appendingPathComponent("Content"), theme: nil,
            output: folder.url.appendingPathComponent("Output"),
            today: CivilDate(iso: "2026-03-20"))
    }

    @Test func laterBuildsWriteWhatChangedAndRefuseForeignFiles() throws {
        let folder = TemporaryFolder("followup-serve-build")
        try folder.write("Content/journal/a.md", "## Acme — Dev\n- 2026-03-02 applied\n")
        let caches = BuildCaches()
        let first = SitePipeline.build(Self.request(folder), caches: caches)
        #expect(first.failure == nil)
        // An edit: only the pages that show it are written again.
        try folder.write("Content/journal/a.md", "## Acme — Dev\n- 2026-03-02 applied\n- 2026-03-05 reply: call me\n")
        let second = SitePipeline.build(Self.request(folder), caches: caches)
        #expect(second.failure == nil)
        let written = Set(second.report?.written ?? [])
        #expect(written.contains("applications/acme-dev/index.html"))
        #expect(!written.contains("advice/index.html") && written.count < 20, "\(written.sorted())")
        let page = try String(
            contentsOf: folder.url.appendingPathComponent("Output/applications/acme-dev/index.html"), encoding: .utf8)
        #expect(page.contains("call me"))
        // A file someone put where the next build wants to write: refused, and Output untouched.
        try folder.write("Output/applications/birch-dev/index.html", "mine")
        try folder.write("Content/journal/b.md", "## Birch — Dev\n- 2026-03-06 applied\n")
        let before = TemporaryFolder.snapshot(folder.url.appendingPathComponent("Output"))
        let third = SitePipeline.build(Self.request(folder), caches: caches)
        guard case .refusedOutput(let diagnostic)? = third.failure else {
            Issue.record("not refused: \(String(describing: third.failure))")
            return
        }
        #expect(diagnostic.message.contains("was not written by Followup"))
        #expect(TemporaryFolder.snapshot(folder.url.appendingPathComponent("Output")) == before)
    }

    /// A page serve already wrote, removed from Output behind its back, is written again by the
    /// next build even though its bytes did not change (the check of unchanged files is real).
    @Test func aRemovedPageIsWrittenAgain() throws {
        let folder = TemporaryFolder("followup-serve-build")
        try folder.write("Content/journal/a.md", "## Acme — Dev\n- 2026-03-02 applied\n")
        try folder.write("Content/journal/b.md", "## Birch — Dev\n- 2026-03-03 applied\n")
        let caches = BuildCaches()
        #expect(SitePipeline.build(Self.request(folder), caches: caches).failure == nil)
        let page = folder.url.appendingPathComponent("Output/applications/birch-dev/index.html")
        let bytes = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        // An edit elsewhere: Birch's page is unchanged, but gone from Output.
        try folder.write("Content/journal/a.md", "## Acme — Dev\n- 2026-03-02 applied\n- 2026-03-05 reply\n")
        let second = SitePipeline.build(Self.request(folder), caches: caches)
        #expect(second.failure == nil)
        #expect(second.report?.written.contains("applications/birch-dev/index.html") == true)
        #expect(try Data(contentsOf: page) == bytes)
    }
}
