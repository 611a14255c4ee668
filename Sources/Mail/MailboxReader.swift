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
    /// Read in chunks over plain byte arrays: the mailbox is never held whole.
    private mutating func readMbox(_ path: String, _ body: (Data, String) throws -> Void) rethrows {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            problems.append("\(path): cannot read it")
            return
        }
        defer { try? handle.close() }
        var splitter = MboxSplitter(limit: Self.maximumMessageBytes)
        var count = 0
        var tooLarge = 0
        func deliver(_ message: MboxSplitter.Message) throws {
            count += 1
            if message.tooLarge {
                tooLarge += 1
            } else {
                try body(Data(message.bytes), "\(path)#\(count)")
            }
        }
        while let chunk = try? handle.read(upToCount: Self.chunkSize), !chunk.isEmpty {
            for message in splitter.feed([UInt8](chunk)) { try deliver(message) }
        }
        if let last = splitter.finish() { try deliver(last) }
        oversized += tooLarge
    }

    static let fromLine = Data("From ".utf8)
}

/// Splits an mbox's bytes into messages as they arrive, line by line.
struct MboxSplitter {
    struct Message {
        var bytes: [UInt8]
        var tooLarge: Bool
    }

    let limit: Int
    private var current: [UInt8] = []
    private var pending: [UInt8] = []  // the start of a line not ended yet
    private var started = false
    private var firstLine = true
    private var tooLarge = false
    private var ready: [Message] = []

    init(limit: Int) { self.limit = limit }

    static let from: [UInt8] = Array("From ".utf8)

    mutating func feed(_ chunk: [UInt8]) -> [Message] {
        var start = 0
        chunk.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                if buffer[i] == 10 {
                    if pending.isEmpty {
                        take(buffer[start...i])
                    } else {
                        pending += buffer[start...i]
                        let line = pending
                        pending.removeAll(keepingCapacity: true)
                        take(line[...])
                    }
                    start = i + 1
                }
                i += 1
            }
            pending += buffer[start...]
        }
        if pending.count > limit {
            tooLarge = true
            pending.removeAll()
        }
        let out = ready
        ready.removeAll()
        return out
    }

    mutating func finish() -> Message? {
        if !pending.isEmpty {
            let line = pending
            pending.removeAll()
            take(line[...])
        }
        close()
        return ready.popLast()
    }

    private mutating func close() {
        if started { ready.append(Message(bytes: tooLarge ? [] : current, tooLarge: tooLarge)) }
        current.removeAll(keepingCapacity: true)
        tooLarge = false
    }

    private mutating func take<C: Collection>(_ line: C) where C.Element == UInt8, C.Index == Int {
        let isFrom = line.count >= 5 && line.starts(with: Self.from)
        // A file that does not start with a `From ` line is one message on its own.
        if firstLine && !isFrom { started = true }
        firstLine = false
        if isFrom {
            close()
            started = true
            return
        }
        guard started, !tooLarge else { return }
        if current.count + line.count > limit {
            tooLarge = true
            current.removeAll()
            return
        }
        if line.first == UInt8(ascii: ">") {
            let quotes = line.prefix { $0 == UInt8(ascii: ">") }.count
            if line.dropFirst(quotes).starts(with: Self.from) {
                current += line.dropFirst()
                return
            }
        }
        current += line
    }
}
