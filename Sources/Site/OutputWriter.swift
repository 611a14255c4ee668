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
    /// Where the bytes go: replaced in tests to inject failures (tests run as root, so permissions prove nothing).
    public var writeFile: (URL, [UInt8]) throws -> Void = OutputWriter.atomicWrite

    public static let manifestName = ".followup-manifest"
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

    public func write(_ site: RenderedSite) throws -> Report {
        var report = Report()
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let manifest = Manifest.read(output.appendingPathComponent(Self.manifestName))
        let existing = Self.scan(output)
        for path in existing.filter({ $0.hasSuffix(Self.temporarySuffix) }) {
            unlink(output.appendingPathComponent(path).path)  // left by an interrupted build of ours
        }

        // Check everything before changing anything (each folder once).
        // Paths are joined as strings: Foundation's URL appending parses every result, which costs
        // more than the lstat it is for when there are 20,000 folders.
        let root = output.path
        var checkedFolders: Set<String> = [""]
        for path in site.files.keys {
            guard SitePath.isContained(path), path != Self.manifestName, !path.hasSuffix(Self.temporarySuffix) else {
                throw Refusal(description: "refusing to write '\(path)': it would leave Output")
            }
            var prefix = ""
            for component in path.split(separator: "/").dropLast() {
                prefix += (prefix.isEmpty ? "" : "/") + component
                guard checkedFolders.insert(prefix).inserted else { continue }
                switch Self.kind(root + "/" + prefix) {
                case .directory, .missing: continue
                case .symlink: throw Refusal(description: "refusing to write '\(path)': Output/\(prefix) is a symbolic link")
                case .file: throw Refusal(description: "cannot write '\(path)': Output/\(prefix) is a file, not a folder")
                }
            }
        }
        let existingSet = Set(existing)
        for path in site.files.keys where existingSet.contains(path) || checkedFolders.contains(path) {
            let kind = Self.kind(root + "/" + path)
            if kind == .directory { throw Refusal(description: "cannot write '\(path)': Output/\(path) is a folder") }
            if kind != .missing && !manifest.files.contains(path) {
                throw Refusal(description: "Output/\(path) exists and was not written by Followup; move it away and build again")
            }
        }

        // Record the intent first: if the build is killed while writing, the next one still knows
        // every file this one may have written, and finishes the job instead of calling them foreign.
        try writeFile(
            output.appendingPathComponent(Self.manifestName),
            Array(Manifest(files: manifest.files.union(site.files.keys), foreign: manifest.foreign).text.utf8))

        // Compare and write on every core: each file is independent (folders are created first).
        let paths = site.files.keys.sorted()
        var folders = Set<String>()
        for path in paths { folders.insert((path as NSString).deletingLastPathComponent) }
        // Parents sort before their children, so plain mkdir suffices (much cheaper than
        // FileManager's intermediate-directory walk for 20,000 folders).
        for folder in folders.sorted() where !folder.isEmpty {
            let path = root + "/" + folder
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            }
        }
        let writeFile = self.writeFile
        let outcomes = try Parallel.map(paths) { path -> Bool in
            let url = output.appendingPathComponent(path)
            let bytes = site.files[path] ?? []
            if site.alreadyWritten.contains(path) {
                var info = stat()
                if lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count {
                    return false
                }
            }
            if Self.sameBytes(url.path, bytes) { return false }
            try writeFile(url, bytes)
            return true
        }
        for (path, written) in zip(paths, outcomes) {
            if written { report.written.append(path) } else { report.unchanged += 1 }
        }

        for path in manifest.files.sorted() where site.files[path] == nil {
            let url = output.appendingPathComponent(path)
            if Self.kind(url.path) == .file || Self.kind(url.path) == .symlink {
                unlink(url.path)
                report.removed.append(path)
                Self.removeEmptyFolders(above: path, in: output)
            }
        }

        var foreign = manifest.foreign
        for path in existing.sorted()
        where site.files[path] == nil && !manifest.files.contains(path) && path != Self.manifestName
            && !path.hasSuffix(Self.temporarySuffix) && path != ".gitkeep"
        {
            if !foreign.contains(path) { report.foreign.append(path) }
            foreign.insert(path)
        }
        foreign = foreign.filter { Self.kind(output.appendingPathComponent($0).path) != .missing }
        let text = Manifest(files: Set(site.files.keys), foreign: foreign).text
        try writeFile(output.appendingPathComponent(Self.manifestName), Array(text.utf8))
        return report
    }

    /// Writes to a temporary file in the same folder, then renames it over the target: readers see
    /// the old file or the new one, never half of one.
    public static func atomicWrite(_ url: URL, _ bytes: [UInt8]) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + temporarySuffix)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Refusal(description: "cannot write \(url.path): \(String(cString: strerror(errno)))") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                let message = String(cString: strerror(errno))
                close(fd)
                unlink(temporary.path)
                throw Refusal(description: "cannot write \(url.path): \(message)")
            }
            offset += n
        }
        guard close(fd) == 0, rename(temporary.path, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary.path)
            throw Refusal(description: "cannot write \(url.path): \(message)")
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
            guard let directory = opendir(path) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    switch kind(folder.path + "/" + child) {
                    case .directory: type = UInt8(DT_DIR)
                    default: type = UInt8(DT_REG)
                    }
                }
                if type == UInt8(DT_DIR) { stack.append(child) } else { result.append(child) }
            }
        }
        return result
    }

    static func removeEmptyFolders(above path: String, in output: URL) {
        var components = path.split(separator: "/").dropLast()
        while !components.isEmpty {
            let folder = output.appendingPathComponent(components.joined(separator: "/"))
            guard (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true else { return }
            rmdir(folder.path)
            components = components.dropLast()
        }
    }
}

/// The list of files Followup wrote into Output, and the foreign files already reported.
struct Manifest {
    var files: Set<String>
    var foreign: Set<String>

    static func read(_ url: URL) -> Manifest {
        guard OutputWriter.kind(url.path) == .file, let data = FileManager.default.contents(atPath: url.path) else {
            return Manifest(files: [], foreign: [])
        }
        var manifest = Manifest(files: [], foreign: [])
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, SitePath.isContained(String(parts[1])) else { continue }
            if parts[0] == "file" { manifest.files.insert(String(parts[1])) }
            if parts[0] == "foreign" { manifest.foreign.insert(String(parts[1])) }
        }
        return manifest
    }

    var text: String {
        "# Files written by Followup; it removes only these. Do not edit.\n"
            + files.sorted().map { "file\t\($0)\n" }.joined() + foreign.sorted().map { "foreign\t\($0)\n" }.joined()
    }
}
