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

/// A file's identity on disk: device, inode, size, modification and change times. The parse cache
/// re-reads a file whose stamp moved; the output writer re-reads a manifest whose stamp moved.
public struct FileStamp: Sendable, Hashable {
    let device: UInt64
    let inode: UInt64
    let size: Int
    let seconds: Int
    let nanoseconds: Int
    let changedSeconds: Int
    let changedNanoseconds: Int
    /// A plain file (not a folder; not a link when links are not followed).
    public let isRegularFile: Bool

    public init?(_ path: String, followingLinks: Bool = true) {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        changedSeconds = Int(info.st_ctim.tv_sec)
        changedNanoseconds = Int(info.st_ctim.tv_nsec)
        isRegularFile = info.st_mode & S_IFMT == S_IFREG
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
