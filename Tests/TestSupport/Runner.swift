import Foundation

/// Runs the built `followup` binary as a user would and checks output and exit codes.
public enum Runner {
    public static let packageRoot = TestPaths.packageRoot

    /// The `followup` binary beside the test bundle (SwiftPM builds it for this test target).
    public static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("followup")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/followup")
    }

    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Starts the binary in the background and reads standard output (or error) until `marker`
    /// appears or 60 seconds pass; returns the running process and what it printed.
    public static func start(
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
    public static func project(_ journal: String, named name: String = "a.md") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("followup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content/journal"), withIntermediateDirectories: true)
        try journal.write(to: folder.appendingPathComponent("Content/journal/" + name), atomically: true, encoding: .utf8)
        return folder
    }

    /// Every file below `folder` (relative path → bytes).
    public static func snapshot(_ folder: URL) -> [String: Data] { TemporaryFolder.snapshot(folder) }

    public static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Result {
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
