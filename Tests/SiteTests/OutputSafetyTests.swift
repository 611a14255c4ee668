import Foundation
import Journal
import Testing

@testable import Site

/// The writer changes only what differs, removes only what it wrote, and never leaves Output.
@Suite struct OutputSafetyTests {
    func site(_ files: [String: String]) -> RenderedSite {
        RenderedSite(files: files.mapValues { Array($0.utf8) }, notes: [])
    }

    @Test func writesThenLeavesUnchangedFilesAlone() throws {
        let scratch = Scratch()
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
        let scratch = Scratch()
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
        let scratch = Scratch()
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
        let scratch = Scratch()
        let writer = OutputWriter(output: scratch.url.appendingPathComponent("Output"))
        for path in ["../escape.html", "/etc/x", "a/../../b", "a//b", "./a"] {
            #expect(throws: OutputWriter.Refusal.self) { try writer.write(site([path: "x"])) }
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("escape.html").path))
    }

    @Test func symlinksInsideOutputAreNeverFollowed() throws {
        let scratch = Scratch()
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
        let scratch = Scratch()
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
        let scratch = Scratch()
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
