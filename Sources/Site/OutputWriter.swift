import Foundation
import Journal

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a rendered site into Output safely: only changed files, each through a temporary file
/// and a rename; files of earlier builds removed only when Followup's manifest lists them; other
/// files left alone and reported once; nothing written through a symlink or outside Output.
public struct OutputWriter {
    public let output: URL
    /// How the manifest is written, and how files are written into the staging folder, and how a
    /// staged file or folder is moved into Output (absolute paths): replaced in tests to inject
    /// failures and pauses (tests run as root, so permissions prove nothing).
    public var writeFile: (String, [UInt8]) throws -> Void = OutputWriter.atomicWrite
    public var stageFile: (String, [UInt8]) throws -> Void = Staging.plainWrite
    public var moveFile: (String, String) throws -> Void = OutputWriter.move

    public static let manifestName = ".followup-manifest"
    public static let stagingName = ".followup-staging"
    /// The lock file of older versions (builds now lock the Output folder itself, leaving no file);
    /// still never written over, served or reported as foreign.
    public static let lockName = ".followup-lock"
    static let temporarySuffix = ".followup-tmp"

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// What a write did.
    public struct Report: Sendable {
        public var written: [String] = []
        public var unchanged = 0
        public var removed: [String] = []
        /// Files Followup did not write, reported for the first time.
        public var foreign: [String] = []

        public init() {}
    }

    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// A commit that could not move every file: whether Output was put back as it was.
    public struct CommitFailure: Error, CustomStringConvertible {
        public var reason: String
        public var restored: Bool
        public var description: String {
            restored
                ? "\(reason) (every file moved so far was put back)"
                : "\(reason); Output is partly updated and could not be put back: build again once the cause is fixed"
        }
    }

    /// Creates the folders above `path` (inside the staging folder).
    static func makeFolders(for path: String) {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    }

    /// Why Followup must not write into `output`, or nil when it may.
    public static func refusal(output: URL, content: URL, theme: URL?) -> String? {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let protected = [content] + (theme.map { [$0] } ?? [])
        for folder in protected {
            let path = folder.standardizedFileURL.resolvingSymlinksInPath().path
            if out == path || out.hasPrefix(path + "/") || path.hasPrefix(out + "/") {
                return "refusing to write into '\(output.path)': it holds or is inside '\(folder.path)'; choose another --output"
            }
        }
        for marker in [".git", "Content", "Themes", "Package.swift"] {
            if FileManager.default.fileExists(atPath: output.appendingPathComponent(marker).path) {
                return
                    "refusing to write into '\(output.path)': it holds '\(marker)', so it looks like a project folder, not a place for generated files; choose another --output"
            }
        }
        return nil
    }

    /// Starts a build's staging folder (removing one an interrupted build left behind).
    /// Waits for any other build writing this Output (serve and build side by side) to finish first.
    public func stage(scan: Bool = true) throws -> Staging {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        // Held (flock on the folder itself) from staging to commit, so two builds into one Output
        // take turns, and nothing is left behind when a build fails.
        let lockPath = output.path
        let lock = open(lockPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard lock >= 0 else { throw Refusal(description: "cannot open \(lockPath): \(String(cString: strerror(errno)))") }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(lock)
                throw Refusal(description: "cannot lock \(lockPath): \(String(cString: strerror(errno)))")
            }
        }
        do {
            return try Staging(
                output: output.path, existing: scan ? Self.scan(output) : nil, lock: lock, writeFile: stageFile)
        } catch {
            close(lock)
            throw error
        }
    }

    /// Writes a site rendered in memory: stages every file, then commits.
    public func write(_ site: RenderedSite) throws -> Report {
        let staging = try stage()
        do {
            let paths = site.files.keys.sorted()
            _ = try Parallel.map(paths) { path in
                try staging.accept(path, site.files[path] ?? [], alreadyWritten: site.alreadyWritten.contains(path))
            }
            return try commit(staging)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Moves a staged site into Output: checks everything first, records the intent, moves each
    /// changed file (a folder Output does not have yet moves whole, in one rename), removes stale
    /// files of earlier builds, and writes the manifest last. The staging folder is gone afterwards.
    public func commit(_ staging: Staging) throws -> Report {
        defer { staging.discard() }
        var report = Report()
        let root = output.path
        let manifestPath = root + "/" + Self.manifestName
        let manifest = Manifest.read(manifestPath)
        let existing = staging.existing
        for path in existing.filter({ $0.hasSuffix(Self.temporarySuffix) }) {
            unlink(root + "/" + path)  // left by an interrupted build of an older version
        }
        let files = staging.paths
        // Without a scan of Output, only the files to move need checking (the others are Output's
        // own bytes already).
        let checked = staging.scanned ? files : staging.staged

        // Check everything before changing anything (each folder once, found from its files'
        // parents, so most files cost one set lookup).
        var checkedFolders: Set<String> = [""]
        var missingFolders: Set<String> = []
        for path in checked {
            // Below a folder Output does not have, nothing needs checking (most files of a first build).
            if let top = Self.topFolder(path), missingFolders.contains(String(top)) { continue }
            let parent = Self.parent(path)
            if checkedFolders.contains(parent) { continue }
            var chain: [String] = []
            var folder = parent
            while !checkedFolders.contains(folder) {
                chain.append(folder)
                folder = Self.parent(folder)
            }
            for prefix in chain.reversed() {
                checkedFolders.insert(prefix)
                // Below a missing folder everything is missing: no need to ask.
                if missingFolders.contains(Self.parent(prefix)) {
                    missingFolders.insert(prefix)
                    continue
                }
                switch Self.kind(root + "/" + prefix) {
                case .directory: continue
                case .missing: missingFolders.insert(prefix)
                case .symlink: throw Refusal(description: "refusing to write '\(path)': Output/\(prefix) is a symbolic link")
                case .file: throw Refusal(description: "cannot write '\(path)': Output/\(prefix) is a file, not a folder")
                }
            }
        }
        let existingSet = Set(existing)
        for path in checked where !staging.scanned || existingSet.contains(path) || checkedFolders.contains(path) {
            let kind = Self.kind(root + "/" + path)
            if kind == .directory { throw Refusal(description: "cannot write '\(path)': Output/\(path) is a folder") }
            if kind != .missing && !manifest.files.contains(path) {
                throw Refusal(description: "Output/\(path) exists and was not written by Followup; move it away and build again")
            }
        }

        // Record the intent first: if the build is killed while moving, the next one still knows
        // every file this one may have written, and finishes the job instead of calling them foreign.
        let intent = Manifest(files: manifest.files.union(files), foreign: manifest.foreign)
        // A rebuild that adds no file (most of serve's) has nothing new to record.
        if intent.files.count != manifest.files.count || manifest.isLegacy { try writeManifest(intent, at: manifestPath) }

        var moved = Set<String>()
        let staged = staging.staged.sorted()
        report.written = staged
        // Every move can be undone: a file it replaces is first moved aside into the staging
        // folder. When a move fails (permissions, another file system mounted inside Output), the
        // moves done so far are undone in reverse, so Output is as it was, and the build says so.
        var undo: [(from: String, to: String)] = []
        let previous = staging.folder + "/.previous"
        do {
            for path in staged {
                if let top = Self.topFolder(path), moved.contains(String(top)) { continue }
                var prefix = ""
                var done = false
                for component in path.split(separator: "/").dropLast() {
                    prefix += (prefix.isEmpty ? "" : "/") + component
                    if moved.contains(prefix) {
                        done = true
                        break
                    }
                    if missingFolders.contains(prefix) {
                        try moveFile(staging.folder + "/" + prefix, root + "/" + prefix)
                        undo.append((root + "/" + prefix, staging.folder + "/" + prefix))
                        moved.insert(prefix)
                        done = true
                        break
                    }
                }
                if !done {
                    let target = root + "/" + path
                    if Self.kind(target) == .file {
                        let aside = previous + "/" + path
                        Self.makeFolders(for: aside)
                        try Self.move(target, aside)
                        undo.append((aside, target))
                    }
                    try moveFile(staging.folder + "/" + path, target)
                    undo.append((target, staging.folder + "/" + path))
                }
            }
        } catch {
            var restored = true
            for step in undo.reversed() where rename(step.from, step.to) != 0 { restored = false }
            if restored { try? writeManifest(manifest, at: manifestPath) }
            throw CommitFailure(reason: "\(error)", restored: restored)
        }
        report.unchanged = staging.unchanged

        // A manifest of the old format (one raw path a line) cannot tell a name holding a line
        // break from two names: nothing is removed on its word.
        for path in manifest.files.filter({ !files.contains($0) }).sorted() where !manifest.isLegacy {
            if Self.removeWithoutFollowing(path, below: root) { report.removed.append(path) }
        }

        var foreign = manifest.foreign
        for path in existing.sorted()
        where !files.contains(path) && !manifest.files.contains(path) && path != Self.manifestName
            && !path.hasSuffix(Self.temporarySuffix) && path != ".gitkeep"
        {
            if !foreign.contains(path) { report.foreign.append(path) }
            foreign.insert(path)
        }
        foreign = foreign.filter { Self.kind(root + "/" + $0) != .missing }
        let final = Manifest(files: files, foreign: foreign)
        // Usually the same as the intent (no stale files, no new foreign ones): then it is written.
        if final.files != intent.files || final.foreign != intent.foreign { try writeManifest(final, at: manifestPath) }
        return report
    }

    /// Writes the manifest unless it already says exactly that (an unchanged rebuild writes nothing).
    private func writeManifest(_ manifest: Manifest, at path: String) throws {
        let bytes = Array(manifest.text.utf8)
        if !Self.sameBytes(path, bytes) { try writeFile(path, bytes) }
        Manifest.remember(manifest, at: path)
    }

    /// Renames a staged file or folder into Output.
    public static func move(_ from: String, _ to: String) throws {
        guard rename(from, to) == 0 else {
            throw Refusal(description: "cannot move \(from) to \(to): \(String(cString: strerror(errno)))")
        }
    }

    /// The first folder of a relative path, or nil for a file at the top.
    static func topFolder(_ path: String) -> Substring? {
        guard let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        return path[..<slash]
    }

    /// The folder of a relative path ("" at the top).
    static func parent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Writes to a temporary file in the same folder, then renames it over the target: readers see
    /// the old file or the new one, never half of one.
    public static func atomicWrite(_ url: URL, _ bytes: [UInt8]) throws {
        try atomicWrite(url.path, bytes)
    }

    public static func atomicWrite(_ path: String, _ bytes: [UInt8]) throws {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = folder + "." + name + temporarySuffix
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Refusal(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        do {
            try writeAll(fd, bytes, path: path)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard close(fd) == 0, rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw Refusal(description: "cannot write \(path): \(message)")
        }
    }

    /// Writes all of `bytes` to an open file.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Refusal(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Whether the file at `path` holds exactly `bytes` (reading it only when the sizes agree).
    static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        var old = [UInt8](repeating: 0, count: bytes.count)
        var offset = 0
        while offset < bytes.count {
            let n = old.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n <= 0 { return false }
            offset += n
        }
        return old.withUnsafeBytes { a in bytes.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, bytes.count) == 0 }
        }
    }

    enum Kind { case missing, file, directory, symlink }

    /// What is at `path`, without following a symbolic link.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return .symlink
        case S_IFDIR: return .directory
        default: return .file
        }
    }

    /// Every file and symlink below `folder`, as relative paths; symlinked folders are not entered.
    /// Uses readdir's entry types, so a folder of 20,000 pages costs no extra `lstat` per entry.
    static func scan(_ folder: URL) -> [String] {
        var result: [String] = []
        var stack = [""]
        while let relative = stack.popLast() {
            let path = relative.isEmpty ? folder.path : folder.path + "/" + relative
            for entry in FolderEntry.list(path) ?? [] {
                let name = entry.name
                // Ours: the staging folder is rebuilt each time, the lock file is kept.
                if relative.isEmpty && (name == OutputWriter.stagingName || name == OutputWriter.lockName) { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                let isFolder = entry.kind == .unknown ? kind(folder.path + "/" + child) == .directory : entry.kind == .folder
                if isFolder { stack.append(child) } else { result.append(child) }
            }
        }
        return result
    }

    /// Removes Output's file (or symlink) at `path`, and the folders it leaves empty, opening every
    /// folder on the way with O_NOFOLLOW: a symbolic link at any level stops the removal, so it can
    /// never reach outside Output.
    static func removeWithoutFollowing(_ path: String, below root: String) -> Bool {
        let components = path.split(separator: "/").map(String.init)
        guard let name = components.last, !components.isEmpty else { return false }
        var folders: [Int32] = []
        defer { for fd in folders { close(fd) } }
        let top = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard top >= 0 else { return false }
        folders.append(top)
        for component in components.dropLast() {
            let next = openat(folders.last!, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { return false }
            folders.append(next)
        }
        var info = stat()
        guard fstatat(folders.last!, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT != S_IFDIR,
            unlinkat(folders.last!, name, 0) == 0
        else { return false }
        // Folders left empty go too (rmdir fails on any that still hold something).
        for index in stride(from: components.count - 2, through: 0, by: -1) {
            guard unlinkat(folders[index], components[index], AT_REMOVEDIR) == 0 else { break }
        }
        return true
    }
}

/// The list of files Followup wrote into Output, and the foreign files already reported.
struct Manifest {
    var files: Set<String>
    var foreign: Set<String>

    /// Read from the old format, whose names cannot be trusted to be whole.
    var isLegacy = false

    static let header = "# followup manifest 2: files written by Followup, percent-encoded; it removes only these. Do not edit."

    /// The manifest last read or written at a path, with the file's identity and times then:
    /// serve reads it every build, and parsing 20,000 names was a visible part of a rebuild.
    private final class Remembered: @unchecked Sendable {
        let lock = NSLock()
        var manifests: [String: (stamp: FileStamp, manifest: Manifest)] = [:]
    }

    private static let remembered = Remembered()

    /// The manifest file's stamp, when it is a plain file.
    static func stamp(_ path: String) -> FileStamp? {
        FileStamp(path, followingLinks: false).flatMap { $0.isRegularFile ? $0 : nil }
    }

    static func remember(_ manifest: Manifest, at path: String) {
        guard let current = stamp(path) else { return }
        remembered.lock.withLock { remembered.manifests[path] = (current, manifest) }
    }

    static func read(_ path: String) -> Manifest {
        let current = stamp(path)
        if let current, let known = remembered.lock.withLock({ remembered.manifests[path] }), known.stamp == current {
            return known.manifest
        }
        let manifest = parse(path)
        if let current { remembered.lock.withLock { remembered.manifests[path] = (current, manifest) } }
        return manifest
    }

    private static func parse(_ path: String) -> Manifest {
        guard OutputWriter.kind(path) == .file, let data = FileManager.default.contents(atPath: path) else {
            return Manifest(files: [], foreign: [])
        }
        var manifest = Manifest(files: [], foreign: [])
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        manifest.isLegacy = lines.first.map { $0 != header } ?? false
        for line in lines.dropFirst() {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = manifest.isLegacy ? String(parts[1]) : decode(parts[1])
            guard let name, SitePath.isContained(name) else { continue }
            if parts[0] == "file" { manifest.files.insert(name) }
            if parts[0] == "foreign" { manifest.foreign.insert(name) }
        }
        return manifest
    }

    /// A name with `%`, control characters and non-ASCII bytes as `%XX`: one line, one name.
    static func encode(_ name: String) -> String {
        // Most names are printable ASCII without a `%`: they are their own encoding.
        if !name.utf8.contains(where: { $0 <= 0x20 || $0 == 0x25 || $0 >= 0x7F }) { return name }
        var out = ""
        for byte in name.utf8 {
            if byte <= 0x20 || byte == 0x25 || byte >= 0x7F {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    static func decode(_ text: Substring) -> String? {
        if !text.utf8.contains(0x25) { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == 0x25 {
                guard let a = iterator.next(), let b = iterator.next(),
                    let value = UInt8(String(decoding: [a, b], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    var text: String {
        var text = Self.header + "\n"
        // Byte order: the order of code points, and much cheaper than comparing Strings.
        for path in files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            text += "file\t"
            text += Self.encode(path)
            text += "\n"
        }
        for path in foreign.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            text += "foreign\t"
            text += Self.encode(path)
            text += "\n"
        }
        return text
    }
}

extension String {
    /// Two hex digits.
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
