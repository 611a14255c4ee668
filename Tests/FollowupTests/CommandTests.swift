import Foundation
import Testing

/// Runs the built `followup` binary as a user would and checks output and exit codes.
enum Runner {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `followup` binary beside the test bundle (SwiftPM builds it for this test target).
    static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("followup")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/followup")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts the binary in the background and reads standard output (or error) until `marker`
    /// appears or 60 seconds pass; returns the running process and what it printed.
    static func start(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], until marker: String,
        readingErrors: Bool = false
    ) throws -> (process: Process, printed: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        if readingErrors {
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
        } else {
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !printed.contains(marker) {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        return (process, printed)
    }

    /// A new project folder in the temporary directory with `Content/journal/NAME` holding `journal`.
    static func project(_ journal: String, named name: String = "a.md") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("followup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content/journal"), withIntermediateDirectories: true)
        try journal.write(to: folder.appendingPathComponent("Content/journal/" + name), atomically: true, encoding: .utf8)
        return folder
    }

    /// Every file below `folder` (relative path → bytes), to compare a folder before and after.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[String(url.standardizedFileURL.path.dropFirst(base.count))] = FileManager.default.contents(
                    atPath: url.path)
            }
        }
        return result
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite(.serialized) struct CommandTests {
    let fixtures = Runner.packageRoot.appendingPathComponent("Tests/Fixtures")

    @Test func statsJSONOfTheHandCheckedJournal() throws {
        let result = try Runner.run(["stats", "--json", "--today", "2026-03-15", "--content", "Tests/Fixtures/hand/Content"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["today"] as? String == "2026-03-15")
        #expect(json["applications"] as? Int == 5)
        let first = try #require(json["first_response"] as? [String: Any])
        #expect(first["km_median_days"] as? Int == 7)
        #expect(result.stdout.contains("\"p90_days\": 19"))
    }

    @Test func statsTableIsReadable() throws {
        let result = try Runner.run(["stats", "--today", "2026-03-15", "--content", "Tests/Fixtures/hand/Content"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("First response: 3 of 5 answered (60%)"))
        #expect(result.stdout.contains("Kaplan–Meier median 7 days"))
        #expect(result.stdout.contains("2026-03-03  feedback-request"))
    }

    @Test func publicStatsLeaveOutPrivateApplications() throws {
        let result = try Runner.run([
            "stats", "--json", "--public", "--today", "2026-03-15", "--content", "Tests/Fixtures/stats/17-private-public/Content",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Company A"))
        #expect(!result.stdout.contains("Secret") && !result.stdout.contains("Hidden") && !result.stdout.contains("Open Co"))
    }

    @Test func checkReportsErrorsCompilerStyleAndExitsOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("followup-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content/journal"), withIntermediateDirectories: true)
        try "## Acme — Dev\n- 2026-02-30 applied\n- 2026-03-01 coffee\n".write(
            to: folder.appendingPathComponent("Content/journal/acme.md"), atomically: true, encoding: .utf8)
        let result = try Runner.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/journal/acme.md:2:3: error: invalid date '2026-02-30'\n"))
        #expect(result.stderr.contains("Content/journal/acme.md:3:14: warning: unknown event kind 'coffee'"))
        #expect(result.stderr.contains("1 error, 1 warning"))
        let stats = try Runner.run(["stats"], in: folder)
        #expect(stats.status == 1)
    }

    @Test func checkPassesOnAGoodJournal() throws {
        let result = try Runner.run(["check", "--content", "Tests/Fixtures/hand/Content"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ok: 5 applications"))
    }

    @Test func usageErrorsExitSixtyFour() throws {
        #expect(try Runner.run(["stats", "--today", "2026-02-30"]).status == 64)
        #expect(try Runner.run(["stats", "--no-such-flag"]).status == 64)
        #expect(try Runner.run(["check", "--content", "/nonexistent/folder"]).status == 64)
    }

    @Test func helpAndVersion() throws {
        for command in [["--help"], ["check", "--help"], ["stats", "--help"], ["build", "--help"]] {
            let result = try Runner.run(command)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE"))
        }
        #expect(try Runner.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}
