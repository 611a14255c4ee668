import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Builds killed at the worst moments, limits, and a slow client: nothing is lost or half-written.
@Suite(.serialized) struct FaultTests {
    func project(applications: Int = 40) throws -> URL {
        var text = ""
        for i in 0..<applications { text += "## Company \(i) — Dev\n- 2026-03-01 applied\n- 2026-03-0\(i % 9 + 1) reply\n\n" }
        return try Runner.project(text, named: "all.md")
    }

    /// Output's files without the manifest (which a build rewrites every time).
    func snapshot(_ folder: URL) -> [String: Data] {
        var files = Runner.snapshot(folder)
        files[".followup-manifest"] = nil
        return files
    }

    /// Starts a build that pauses at `point`, waits for it to say so, and kills it.
    func killBuild(in folder: URL, at point: String) throws {
        let (process, seen) = try Runner.start(
            ["build", "--today", "2026-03-15", "--quiet"], in: folder, environment: ["FOLLOWUP_TEST_PAUSE": point],
            until: "paused: ", readingErrors: true)
        #expect(seen.contains("paused: "), "the build never reached \(point)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func edit(_ folder: URL) throws {
        var text = try String(contentsOf: folder.appendingPathComponent("Content/journal/all.md"), encoding: .utf8)
        text = text.replacingOccurrences(of: "reply\n", with: "reply: changed\n")
        try text.write(to: folder.appendingPathComponent("Content/journal/all.md"), atomically: true, encoding: .utf8)
    }

    @Test func killedWhileRenderingChangesNothingOutsideItsStagingFolder() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Runner.run(["build", "--today", "2026-03-15"], in: folder).status == 0)
        let before = snapshot(folder.appendingPathComponent("Output"))
        try edit(folder)
        try killBuild(in: folder, at: "render")
        let after = snapshot(folder.appendingPathComponent("Output"))
        let staged = after.keys.filter { $0.hasPrefix(".followup-staging/") }
        #expect(!staged.isEmpty, "the changed pages were staged")
        #expect(after.filter { !$0.key.hasPrefix(".followup-staging/") } == before)
        // The next build clears what the killed one staged.
        #expect(try Runner.run(["build", "--today", "2026-03-15"], in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/.followup-staging").path))
    }

    @Test func killedWhileWritingLeavesWholeFilesAndTheNextBuildFinishes() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Runner.run(["build", "--today", "2026-03-15"], in: folder).status == 0)
        let old = snapshot(folder.appendingPathComponent("Output"))
        try edit(folder)
        // What the new build should write, built elsewhere.
        #expect(try Runner.run(["build", "--today", "2026-03-15", "--output", "Reference"], in: folder).status == 0)
        let new = snapshot(folder.appendingPathComponent("Reference"))
        #expect(old != new)
        try killBuild(in: folder, at: "write")
        let interrupted = snapshot(folder.appendingPathComponent("Output"))
        var mixed = (old: 0, new: 0)
        // The staging folder is the build's own (the next build removes it); every file outside it is whole.
        for (path, bytes) in interrupted where !path.hasPrefix(".followup-staging/") {
            let isOld = old[path] == bytes
            let isNew = new[path] == bytes
            #expect(isOld || isNew, "\(path) is neither the old nor the new file")
            if isNew && !isOld { mixed.new += 1 } else if isOld && !isNew { mixed.old += 1 }
        }
        #expect(mixed.new > 0 && mixed.old > 0, "the kill should land halfway: \(mixed)")
        let finish = try Runner.run(["build", "--today", "2026-03-15", "--verbose"], in: folder)
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(!finish.stderr.contains("not written by Followup"))
        #expect(snapshot(folder.appendingPathComponent("Output")) == new)
    }

    @Test func aFileThatCannotBeReadIsAnError() throws {
        let folder = try project(applications: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("Content/journal/gone.md").path, withDestinationPath: "/nonexistent/gone.md")
        let result = try Runner.run(["check"], in: folder)
        #expect(result.status == 0 || result.status == 1)
        #expect(!result.stderr.contains("Fatal") && !result.stderr.contains("Stack"))
    }

    @Test func largeAndHostileInputStaysWithinBounds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("followup-limits-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("Content/journal")
        try FileManager.default.createDirectory(at: journal.appendingPathComponent("many"), withIntermediateDirectories: true)
        var big = "# Twenty thousand\n\n"
        for i in 0..<20_000 { big += "## Firm \(i) — Role\n- 2026-02-01 applied\n- 2026-02-0\(i % 9 + 1) reply\n\n" }
        try big.write(to: journal.appendingPathComponent("big.md"), atomically: true, encoding: .utf8)
        try ("## Long — Note\n- 2026-02-01 applied: " + String(repeating: "word ", count: 210_000) + "\n").write(
            to: journal.appendingPathComponent("long.md"), atomically: true, encoding: .utf8)
        try ("## Deep — Lists\n" + (0..<100).map { String(repeating: "  ", count: $0) + "- 2026-02-01 applied\n" }.joined())
            .write(
                to: journal.appendingPathComponent("deep.md"), atomically: true, encoding: .utf8)
        var bomb = "---\ncompany: Bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...12 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        try (bomb + "---\n").write(to: journal.appendingPathComponent("bomb.md"), atomically: true, encoding: .utf8)
        for i in 0..<10_000 {
            try "---\ncompany: Small \(i)\n---\n- 2026-02-01 applied\n".write(
                to: journal.appendingPathComponent("many/\(i).md"), atomically: false, encoding: .utf8)
        }
        let result = try Runner.run(["stats", "--json", "--today", "2026-03-01"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("journal/bomb.md:2:1: error: front matter expands to more than 10000 values"))
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #expect(usage.ru_maxrss < 500 * 1024, "peak memory \(usage.ru_maxrss / 1024) MB")
        try FileManager.default.removeItem(at: journal.appendingPathComponent("bomb.md"))
        let ok = try Runner.run(["stats", "--json", "--today", "2026-03-01"], in: folder)
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("\"applications\": 30002"))
    }
}
