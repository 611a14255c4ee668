import Foundation

/// The messages of a mailbox, one at a time: an mbox file (read in chunks, split at `From ` lines,
/// `>From` unquoted), a Maildir (`cur/` and `new/`), a folder of `.eml` files or single files.
/// Memory stays bounded whatever the mailbox's size: a message over `maximumMessageBytes` is
/// skipped and counted, not held.
public struct MailboxReader {
    public static let maximumMessageBytes = 32 * 1024 * 1024
    static let chunkSize = 1 << 20

    /// What could not be read, by path (a folder that does not exist, a file that vanished).
    public private(set) var problems: [String] = []
    /// Messages too large to read.
    public private(set) var oversized = 0

    public init() {}

    /// Calls `body` with each message's bytes and where it came from (`path` or `path#N`).
    public mutating func forEachMessage(in paths: [String], _ body: (Data, String) throws -> Void) rethrows {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append("\(path): no such file or folder")
                continue
            }
            if isDirectory.boolValue {
                try readFolder(path, body)
            } else if path.lowercased().hasSuffix(".eml") {
                try readSingle(path, body)
            } else {
                try readMbox(path, body)
            }
        }
    }

    private mutating func readFolder(_ path: String, _ body: (Data, String) throws -> Void) rethrows {
        let manager = FileManager.default
        let isMaildir = ["cur", "new"].contains { manager.fileExists(atPath: path + "/" + $0) }
        var files: [String] = []
        if isMaildir {
            for sub in ["cur", "new"] {
                let names = (try? manager.contentsOfDirectory(atPath: path + "/" + sub)) ?? []
                files += names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + sub + "/" + $0 }
            }
        } else {
            let names = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.lowercased().hasSuffix(".eml") }.sorted().map { path + "/" + $0 }
        }
        for file in files { try readSingle(file, body) }
    }

    private mutating func readSingle(_ path: String, _ body: (Data, String) throws -> Void) rethrows {
        var info = stat()
        // Symbolic links are not followed: a mailbox folder is read for its own files only.
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        guard info.st_size <= Self.maximumMessageBytes else {
            oversized += 1
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append("\(path): cannot read it")
            return
        }
        try body(data, path)
    }

    /// mbox: a line starting with `From ` starts a message; `>From ` (any number of `>`) loses one `>`.
    private mutating func readMbox(_ path: String, _ body: (Data, String) throws -> Void) rethrows {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            problems.append("\(path): cannot read it")
            return
        }
        defer { try? handle.close() }
        var current = Data()
        var tooLarge = false
        var started = false
        var firstLine = true
        var count = 0
        var pending = Data()  // the start of a line not ended yet
        func finish() throws {
            defer {
                current.removeAll(keepingCapacity: true)
                tooLarge = false
            }
            guard started else { return }
            count += 1
            if tooLarge {
                oversized += 1
                return
            }
            try body(current, "\(path)#\(count)")
        }
        func take(_ line: Data) throws {
            // A file that does not start with a `From ` line is one message on its own.
            if firstLine && !line.starts(with: Self.fromLine) { started = true }
            firstLine = false
            if line.starts(with: Self.fromLine) {
                try finish()
                started = true
                return
            }
            guard started, !tooLarge else { return }
            var line = line
            if line.first == UInt8(ascii: ">") {
                let quotes = line.prefix { $0 == UInt8(ascii: ">") }.count
                if line.dropFirst(quotes).starts(with: Self.fromLine) { line.removeFirst() }
            }
            if current.count + line.count > Self.maximumMessageBytes {
                tooLarge = true
                current.removeAll()
                return
            }
            current.append(line)
        }
        while true {
            let chunk = (try? handle.read(upToCount: Self.chunkSize)) ?? nil
            guard let chunk, !chunk.isEmpty else { break }
            var start = chunk.startIndex
            while let newline = chunk[start...].firstIndex(of: 10) {
                if pending.isEmpty {
                    try take(chunk[start...newline])
                } else {
                    pending.append(chunk[start...newline])
                    try take(pending)
                    pending.removeAll(keepingCapacity: true)
                }
                start = newline + 1
            }
            pending.append(chunk[start...])
            if pending.count > Self.maximumMessageBytes {
                // One line longer than a message may be: drop it (the message is oversized).
                tooLarge = true
                pending.removeAll()
            }
        }
        if !pending.isEmpty { try take(pending) }
        try finish()
    }

    static let fromLine = Data("From ".utf8)
}
