import Foundation
import Journal
import TestSupport
import Testing

@testable import Site

/// A hostile shared repository can commit anything into Output (`git add -f`): links, a crafted
/// manifest, names holding line breaks. Nothing outside Output may be removed, and a commit that
/// fails half way puts Output back.
@Suite struct HostileOutputTests {
    func site(_ files: [String: String]) -> RenderedSite {
        RenderedSite(files: files.mapValues { Array($0.utf8) }, notes: [])
    }

    func manifest(_ lines: [String]) -> String {
        ([Manifest.header] + lines).joined(separator: "\n") + "\n"
    }

    @Test func aSymlinkedFolderInAManifestPathIsNeverFollowed() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        let victim = scratch.url.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        try "keep me".write(to: victim.appendingPathComponent("important.txt"), atomically: true, encoding: .utf8)
        _ = try OutputWriter(output: output).write(site(["index.html": "a"]))
        try FileManager.default.createSymbolicLink(
            atPath: output.appendingPathComponent("x").path, withDestinationPath: "../victim")
        try manifest(["file\tindex.html", "file\tx/important.txt"]).write(
            to: output.appendingPathComponent(OutputWriter.manifestName), atomically: true, encoding: .utf8)
        let report = try OutputWriter(output: output).write(site(["index.html": "b"]))
        #expect(report.removed.isEmpty)
        #expect(try String(contentsOf: victim.appendingPathComponent("important.txt"), encoding: .utf8) == "keep me")
    }

    @Test func aNameHoldingALineBreakCannotNameAnotherFile() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        _ = try OutputWriter(output: output).write(site(["index.html": "a"]))
        try "my domain".write(to: output.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        try "x".write(to: output.appendingPathComponent("x\nfile\tCNAME"), atomically: true, encoding: .utf8)
        for _ in 0..<3 { _ = try OutputWriter(output: output).write(site(["index.html": "a"])) }
        #expect(try String(contentsOf: output.appendingPathComponent("CNAME"), encoding: .utf8) == "my domain")
        let text = try String(contentsOf: output.appendingPathComponent(OutputWriter.manifestName), encoding: .utf8)
        #expect(text.contains("foreign\tx%0Afile%09CNAME\n"))
        #expect(Manifest.decode("x%0Afile%09CNAME") == "x\nfile\tCNAME")
    }

    @Test func anOldFormatManifestRemovesNothing() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        _ = try OutputWriter(output: output).write(site(["index.html": "a"]))
        try "my domain".write(to: output.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        try "# Files written by Followup; it removes only these. Do not edit.\nfile\tindex.html\nfile\tCNAME\n".write(
            to: output.appendingPathComponent(OutputWriter.manifestName), atomically: true, encoding: .utf8)
        let report = try OutputWriter(output: output).write(site(["index.html": "b"]))
        #expect(report.removed.isEmpty)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("CNAME").path))
    }

    @Test func aMoveThatFailsHalfWayPutsOutputBack() throws {
        let scratch = TemporaryFolder("followup-site")
        let output = scratch.url.appendingPathComponent("Output")
        var files: [String: String] = [:]
        for i in 0..<10 { files["p\(i).html"] = "old \(i)" }
        files["sub/index.html"] = "old sub"
        _ = try OutputWriter(output: output).write(site(files))
        let before = TemporaryFolder.snapshot(output)
        var writer = OutputWriter(output: output)
        let calls = LockedCounter()
        writer.moveFile = { from, to in
            if calls.next() == 4 { throw OutputWriter.Refusal(description: "cannot move: Invalid cross-device link") }
            try OutputWriter.move(from, to)
        }
        var changed = files.mapValues { "new " + $0 }
        changed["fresh/index.html"] = "a new folder"
        do {
            _ = try writer.write(site(changed))
            Issue.record("the failing move was not reported")
        } catch let failure as OutputWriter.CommitFailure {
            #expect(failure.restored)
            #expect(failure.description.contains("every file moved so far was put back"))
        }
        #expect(TemporaryFolder.snapshot(output) == before, "Output is byte for byte as before")
        // And the next build, with the cause gone, goes through.
        _ = try OutputWriter(output: output).write(site(changed))
        #expect(try String(contentsOf: output.appendingPathComponent("p3.html"), encoding: .utf8) == "new old 3")
    }
}

/// A counter several closures share.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.withLock {
            value += 1; return value
        }
    }
}
