import Foundation
import Journal

#if canImport(Glibc)
    import Glibc
#endif

/// Where a build puts its files as they are rendered: `Output/.followup-staging`, so pages do not
/// wait in memory (a site of 10,000 applications is about 150 MB) and nothing outside the staging
/// folder changes until the whole site is rendered.
///
/// A file whose bytes are already in Output is only counted as unchanged; every other file is
/// written into the staging folder. `OutputWriter.commit` then moves staged files into place, and
/// a build that fails or is interrupted leaves only the staging folder, which the next build removes.
public final class Staging: PageSink, @unchecked Sendable {
    /// The staging folder (absolute).
    public let folder: String
    let output: String
    /// Files in Output when staging began.
    let existing: [String]
    private let existingSet: Set<String>
    /// Whether `existing` is a scan of Output. Serve's later builds skip the scan (twenty thousand
    /// folders): each file is then compared with Output's file at its path, and the commit checks
    /// only the files it moves.
    let scanned: Bool
    private let writeFile: (String, [UInt8]) throws -> Void
    /// The open lock file of Output (see `OutputWriter.stage`), closed, and so released, by `discard`.
    private var outputLock: Int32
    /// Output, open as a folder: the files a build did not change are checked relative to it
    /// (serve checks twenty thousand of them each build; -1 checks by full path).
    private let outputFolder: Int32
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private(set) var paths: Set<String> = []
    private(set) var staged: Set<String> = []
    private(set) var unchanged = 0

    init(
        output: String, existing: [String]?, lock: Int32, writeFile: @escaping (String, [UInt8]) throws -> Void
    ) throws {
        self.output = output
        self.outputLock = -1
        outputFolder = open(output, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        self.folder = output + "/" + OutputWriter.stagingName
        self.existing = existing ?? []
        self.existingSet = Set(existing ?? [])
        scanned = existing != nil
        self.writeFile = writeFile
        Self.remove(folder)
        guard mkdir(folder, 0o755) == 0 else {
            throw OutputWriter.Refusal(description: "cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        outputLock = lock  // from here on, this staging releases it
    }

    /// Takes one file of the site (from any thread).
    public func accept(_ path: String, _ bytes: [UInt8], alreadyWritten: Bool) throws {
        guard SitePath.isContained(path), path != OutputWriter.manifestName, path != OutputWriter.lockName,
            !path.hasSuffix(OutputWriter.temporarySuffix),
            path != OutputWriter.stagingName, !path.hasPrefix(OutputWriter.stagingName + "/")
        else {
            throw OutputWriter.Refusal(description: "refusing to write '\(path)': it would leave Output")
        }
        if !scanned || existingSet.contains(path) {
            let target = output + "/" + path
            var same = false
            if alreadyWritten {
                var info = stat()
                let found =
                    outputFolder >= 0 ? fstatat(outputFolder, path, &info, AT_SYMLINK_NOFOLLOW) : lstat(target, &info)
                same = found == 0 && info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) == bytes.count
            }
            if same || OutputWriter.sameBytes(target, bytes) {
                lock.withLock {
                    paths.insert(path)
                    unchanged += 1
                }
                return
            }
        }
        try makeFolder(OutputWriter.parent(path))
        try writeFile(folder + "/" + path, bytes)
        lock.withLock {
            paths.insert(path)
            staged.insert(path)
        }
    }

    /// Creates `relative` (and its parents) inside the staging folder, once.
    private func makeFolder(_ relative: String) throws {
        if lock.withLock({ folders.contains(relative) }) { return }
        try makeFolder(OutputWriter.parent(relative))
        let path = folder + "/" + relative
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw OutputWriter.Refusal(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        lock.withLock { _ = folders.insert(relative) }
    }

    /// Removes the staging folder and whatever is left in it, and lets the next build in.
    public func discard() {
        Self.remove(folder)
        lock.withLock {
            if outputLock >= 0 { close(outputLock) }
            outputLock = -1
        }
    }

    deinit {
        if outputFolder >= 0 { close(outputFolder) }
        if outputLock >= 0 { close(outputLock) }
    }

    /// Removes a folder tree without following symbolic links (a missing folder is fine).
    static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR, let entries = FolderEntry.list(path) else {
            unlink(path)
            return
        }
        for entry in entries { remove(path + "/" + entry.name) }
        rmdir(path)
    }

    /// A plain write into the staging folder: nobody reads it before the build moves it into place,
    /// so there is no temporary file.
    static func plainWrite(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            throw OutputWriter.Refusal(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        try OutputWriter.writeAll(fd, bytes, path: path)
    }
}

/// Receives a site's files as they are rendered.
public protocol PageSink: AnyObject, Sendable {
    func accept(_ path: String, _ bytes: [UInt8], alreadyWritten: Bool) throws
}
