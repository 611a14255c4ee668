import Foundation
import Journal
import TestSupport
import Testing

@testable import Site

/// The writer changes only what differs, removes only what it wrote, and never leaves Output.
@Suite struct OutputSafetyTests {
    func site(_ files: [String: String]) -> RenderedSite {
        RenderedSite(files: files.mapValues { Array($0.utf8) }, notes: [])
    }

    /// The manifest is remembered between builds (serve reads it every time), but only while the
    /// file is the one written: a manifest changed behind the writer's back is read again.
    @Test func aManifestChangedOnDiskIsReadAgain() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        let writer = OutputWriter(output: output)
        _ = try writer.write(site(["a.html": "a", "b.html": "b"]))
        let path = output.appendingPathComponent(".followup-manifest").path
        #expect(Manifest.read(path).files == ["a.html", "b.html"])
        // Same length, another name: only the file's times and identity tell it changed.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        Thread.sleep(forTimeInterval: 0.01)
        try text.replacingOccurrences(of: "file\tb.html", with: "file\tc.html").write(
            toFile: path, atomically: false, encoding: .utf8)
        #expect(Manifest.read(path).files == ["a.html", "c.html"])
        // By the manifest's word c.html is Followup's (a build without it removes it) and b.html
        // is not (a build refuses to replace it).
        try "c".write(toFile: output.appendingPathComponent("c.html").path, atomically: false, encoding: .utf8)
        #expect(throws: OutputWriter.Refusal.self) { try writer.write(site(["a.html": "a", "b.html": "b"])) }
        let report = try writer.write(site(["a.html": "a"]))
        #expect(report.removed == ["c.html"])
    }

    @Test func writesThenLeavesUnchangedFilesAlone() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        let writer = OutputWriter(output: output)
        let first = try writer.write(site(["index.html": "a", "x/index.html": "b"]))
        #expect(first.written.sorted() == ["index.html", "x/index.html"])
        let before =
            try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)[.modificationDate]
            as? Date
        Thread.sleep(forTimeInterval: 0.02)
        let second = try writer.write(site(["index.html": "a", "x/index.html": "c"]))
        #expect(second.written == ["x/index.html"])
        #expect(second.unchanged == 1)
        let after =
            try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)[.modificationDate]
            as? Date
        #expect(before == after)
    }

    @Test func staleFilesAreRemovedAndForeignFilesSurviveReportedOnce() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        let writer = OutputWriter(output: output)
        _ = try writer.write(site(["index.html": "a", "old/index.html": "b"]))
        try "mine".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let second = try writer.write(site(["index.html": "a"]))
        #expect(second.removed == ["old/index.html"])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old").path))
        #expect(second.foreign == ["notes.txt"])
        #expect(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
        let third = try writer.write(site(["index.html": "a"]))
        #expect(third.foreign.isEmpty)
    }

    @Test func aForeignFileInTheWayStopsTheBuildBeforeAnyWrite() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "hand made".write(to: output.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        #expect(throws: OutputWriter.Refusal.self) {
            try OutputWriter(output: output).write(site(["a.html": "x", "index.html": "generated"]))
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("a.html").path))
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "hand made")
    }

    @Test func pathsThatLeaveOutputAreRefused() throws {
        let scratch = TemporaryFolder("followup-site")
        let writer = OutputWriter(output: scratch.url.appendingPathComponent("Output"))
        for path in ["../escape.html", "/etc/x", "a/../../b", "a//b", "./a"] {
            #expect(throws: OutputWriter.Refusal.self) { try writer.write(site([path: "x"])) }
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("escape.html").path))
    }

    @Test func symlinksInsideOutputAreNeverFollowed() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        let outside = scratch.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("applications"), withDestinationURL: outside)
        #expect(throws: OutputWriter.Refusal.self) {
            try OutputWriter(output: output).write(site(["applications/x/index.html": "x"]))
        }
        #expect((try FileManager.default.contentsOfDirectory(atPath: outside.path)).isEmpty)
    }

    @Test func refusesProjectFoldersAndContent() throws {
        let scratch = TemporaryFolder("followup-site")
        let content = scratch.url.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        #expect(OutputWriter.refusal(output: scratch.url, content: content, theme: nil) != nil)
        #expect(OutputWriter.refusal(output: content, content: content, theme: nil) != nil)
        #expect(OutputWriter.refusal(output: content.appendingPathComponent("out"), content: content, theme: nil) != nil)
        let git = scratch.url.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: git.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(OutputWriter.refusal(output: git, content: content, theme: nil)?.contains(".git") == true)
        #expect(OutputWriter.refusal(output: scratch.url.appendingPathComponent("Output"), content: content, theme: nil) == nil)
    }

    @Test func aFailingWriteLeavesNoHalfWrittenFile() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        _ = try OutputWriter(output: output).write(site(["a.html": "old a", "b.html": "old b"]))
        struct Injected: Error {}
        var writer = OutputWriter(output: output)
        writer.stageFile = { path, bytes in
            if path.hasSuffix("/b.html") { throw Injected() }
            try OutputWriter.atomicWrite(path, bytes)
        }
        #expect(throws: Injected.self) { try writer.write(site(["a.html": "new a", "b.html": "new b"])) }
        #expect(try String(contentsOf: output.appendingPathComponent("b.html"), encoding: .utf8) == "old b")
        let leftovers = (try FileManager.default.contentsOfDirectory(atPath: output.path)).filter {
            $0.hasSuffix(".followup-tmp")
        }
        #expect(leftovers.isEmpty)
        // The next build completes the job.
        _ = try OutputWriter(output: output).write(site(["a.html": "new a", "b.html": "new b"]))
        #expect(try String(contentsOf: output.appendingPathComponent("b.html"), encoding: .utf8) == "new b")
    }
}

/// The staging folder: pages go there as they are rendered and nowhere else until the commit.
@Suite struct StagingTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func nothingOutsideTheStagingFolderChangesBeforeTheCommit() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        let writer = OutputWriter(output: output)
        _ = try writer.write(RenderedSite(files: ["index.html": bytes("old"), "a/index.html": bytes("same")], notes: []))
        let before = TemporaryFolder.snapshot(output)

        let staging = try writer.stage()
        try staging.accept("index.html", bytes("new"), alreadyWritten: false)
        try staging.accept("a/index.html", bytes("same"), alreadyWritten: false)
        try staging.accept("b/c/index.html", bytes("fresh"), alreadyWritten: false)
        // Only the staging folder has changed, and it holds only what differs from Output.
        var now = TemporaryFolder.snapshot(output)
        let staged = now.keys.filter { $0.hasPrefix(".followup-staging/") }.sorted()
        #expect(staged == [".followup-staging/b/c/index.html", ".followup-staging/index.html"])
        for key in staged { now[key] = nil }
        #expect(now == before)

        let report = try writer.commit(staging)
        #expect(report.written == ["b/c/index.html", "index.html"])
        #expect(report.unchanged == 1)
        let after = TemporaryFolder.snapshot(output)
        #expect(after["index.html"] == Data("new".utf8))
        #expect(after["b/c/index.html"] == Data("fresh".utf8))
        #expect(after["a/index.html"] == Data("same".utf8))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".followup-staging").path))
    }

    @Test func aDiscardedBuildLeavesOutputAsItWas() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        let writer = OutputWriter(output: output)
        _ = try writer.write(RenderedSite(files: ["index.html": bytes("old")], notes: []))
        let before = TemporaryFolder.snapshot(output)
        let staging = try writer.stage()
        try staging.accept("index.html", bytes("new"), alreadyWritten: false)
        try staging.accept("x/index.html", bytes("new"), alreadyWritten: false)
        staging.discard()
        #expect(TemporaryFolder.snapshot(output) == before)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".followup-staging").path))
    }

    @Test func aStagingFolderLeftByAKilledBuildIsClearedAndNeverPublished() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        let leftover = output.appendingPathComponent(".followup-staging/stale/index.html")
        try FileManager.default.createDirectory(at: leftover.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "half".write(to: leftover, atomically: true, encoding: .utf8)
        let report = try OutputWriter(output: output).write(RenderedSite(files: ["index.html": bytes("a")], notes: []))
        #expect(report.foreign.isEmpty)
        #expect(
            TemporaryFolder.snapshot(output).keys.sorted() == [".followup-manifest", "index.html"], "no lock file is left behind")
    }

    @Test func pathsThatWouldLeaveOutputOrHitItsOwnFilesAreRefused() throws {
        let scratch = TemporaryFolder("followup-site")
        let staging = try OutputWriter(output: scratch.url.appendingPathComponent("Output")).stage()
        defer { staging.discard() }
        for path in [
            "../x.html", ".followup-manifest", ".followup-lock", ".followup-staging/x.html", "a/.x.followup-tmp", "/etc/passwd",
        ] {
            #expect(throws: OutputWriter.Refusal.self, "\(path)") { try staging.accept(path, [], alreadyWritten: false) }
        }
    }

    /// A build waits for another one writing the same Output (serve and build side by side).
    @Test func twoBuildsIntoOneOutputTakeTurns() throws {
        final class Progress: @unchecked Sendable {
            let lock = NSLock()
            var secondStaged = false
            var failure: String?
        }
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        let first = try OutputWriter(output: output).stage()
        try first.accept("index.html", bytes("first"), alreadyWritten: false)
        let progress = Progress()
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            do {
                let writer = OutputWriter(output: output)
                let second = try writer.stage()
                progress.lock.withLock { progress.secondStaged = true }
                try second.accept("index.html", Array("second".utf8), alreadyWritten: false)
                _ = try writer.commit(second)
            } catch {
                progress.lock.withLock { progress.failure = "\(error)" }
            }
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(progress.lock.withLock { !progress.secondStaged }, "the second build must wait for the first")
        _ = try OutputWriter(output: output).commit(first)
        #expect(finished.wait(timeout: .now() + 60) == .success)
        #expect(progress.lock.withLock { progress.failure } == nil)
        #expect(TemporaryFolder.snapshot(output)["index.html"] == Data("second".utf8))
    }
}
