import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one way Followup changes a journal file (`add`, `check --fix`, `new activity`, `mail --write`):
/// read, change and replace under a lock, keeping the file what it was.
///
/// Writers of one folder take turns (an exclusive `flock` on the folder), so concurrent `add`s never
/// lose an event; the new bytes go to a temporary file of a unique name beside the real file, with
/// its mode and owner, and are renamed over it. A symlinked journal file is written where it points,
/// so the link stays a link and the real file gets the change.
public enum JournalFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Replaces the file's bytes with `change(bytes)` (nil: leave it alone) under the folder's lock.
    @discardableResult
    public static func update(_ url: URL, _ change: ([UInt8]) throws -> [UInt8]?) throws -> [UInt8]? {
        let real = url.resolvingSymlinksInPath().path
        let folder = (real as NSString).deletingLastPathComponent
        let lock = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        guard lock >= 0 else { throw WriteError(description: "cannot open \(folder): \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw WriteError(description: "cannot lock \(folder): \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(lock, LOCK_UN) }
        guard let data = FileManager.default.contents(atPath: real) else {
            throw WriteError(description: "cannot read \(url.path)")
        }
        guard let updated = try change(Array(data)) else { return nil }
        try write(updated, to: real)
        return updated
    }

    /// Replaces the file's bytes (for callers that computed them already; prefer `update`).
    public static func replace(_ url: URL, with bytes: [UInt8]) throws {
        try update(url) { _ in bytes }
    }

    private static func write(_ bytes: [UInt8], to path: String) throws {
        var info = stat()
        let existing = stat(path, &info) == 0
        let name = (path as NSString).lastPathComponent
        let folder = (path as NSString).deletingLastPathComponent
        let temporary =
            (folder.isEmpty ? "" : folder + "/") + ".\(name).followup-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let mode = existing ? mode_t(info.st_mode & 0o7777) : 0o644
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        var failure: String?
        if existing {
            _ = fchmod(fd, mode)
            _ = fchown(fd, info.st_uid, info.st_gid)  // keeps the owner where allowed (root, or the same user)
        }
        var offset = 0
        while offset < bytes.count && failure == nil {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
            } else {
                offset += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(description: "cannot write \(path): \(failure)")
        }
    }
}
