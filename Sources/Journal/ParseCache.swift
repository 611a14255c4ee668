import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What reading one file gave: its applications or article, and its diagnostics.
public struct FileReading: Sendable {
    public var applications: [Application] = []
    public var articles: [Article] = []
    public var activities: [Activity] = []
    public var diagnostics: [Diagnostic] = []
}

/// A file's identity on disk for the parse cache: size, modification time and inode.
public struct FileStamp: Sendable, Hashable {
    let size: Int
    let seconds: Int
    let nanoseconds: Int
    let inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

/// The parsed files of earlier builds, kept by `serve` so that a save re-parses only that file.
public final class ParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (FileStamp, FileReading)] = [:]
    private var hits = 0

    public init() {}

    func lookup(_ key: String, _ stamp: FileStamp) -> FileReading? {
        lock.withLock {
            guard let entry = entries[key], entry.0 == stamp else { return nil }
            hits += 1
            return entry.1
        }
    }

    func store(_ key: String, _ stamp: FileStamp, _ reading: FileReading) {
        lock.withLock { entries[key] = (stamp, reading) }
    }

    /// How many files were taken from the cache since the last call (for tests and timing).
    public func takeHits() -> Int {
        lock.withLock {
            defer { hits = 0 }
            return hits
        }
    }
}
