import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the Markdown files of a Content folder, in code-point order of their paths, safely:
/// symlinked folders are followed once, and a link back into a folder already visited is reported.
public enum ContentFiles {
    public struct File: Sendable, Hashable {
        /// Path relative to the folder searched (`acme.md`, `2026/globex.md`).
        public var relativePath: String
        /// The file's path on disk.
        public var path: String
        public var url: URL { URL(fileURLWithPath: path) }

        public init(relativePath: String, path: String) {
            self.relativePath = relativePath
            self.path = path
        }

        public init(relativePath: String, url: URL) {
            self.init(relativePath: relativePath, path: url.path)
        }
    }

    /// Every `*.md` below `folder` (an empty list when it does not exist).
    public static func markdownFiles(in folder: URL, diagnostics: inout [Diagnostic], displayPrefix: String) -> [File] {
        var files: [File] = []
        var visited = Set<String>()
        // Links are followed only while they stay inside the Content folder: a journal shared by
        // others must not make Followup read (or publish) files from elsewhere on the machine.
        let contentRoot = folder.deletingLastPathComponent().resolvingSymlinksInPath().path
        let inside = { (real: String) in real == contentRoot || real.hasPrefix(contentRoot + "/") }
        var stack: [(String, String)] = [(folder.path, "")]
        while let (directory, prefix) = stack.popLast() {
            let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
            guard !visited.contains(real) else {
                diagnostics.append(
                    .warning(
                        SourceLocation(file: displayPrefix + prefix.dropLastSlash, line: 1, column: 1),
                        "this folder links back to a folder already read (a symlink loop); it is skipped"))
                continue
            }
            visited.insert(real)
            // readdir gives each entry's type, so a folder of 10,000 files costs no stat per file;
            // only symbolic links are followed with stat to see what they point to.
            for entry in FolderEntry.list(directory) ?? [] {
                let name = entry.name
                guard !name.hasPrefix(".") else { continue }
                let shown = SourceLocation(file: displayPrefix + prefix + name, line: 1, column: 1)
                guard entry.isValidName else {
                    diagnostics.append(.warning(shown, "this name is not UTF-8; it is not read (rename it)"))
                    continue
                }
                let path = directory + "/" + name
                var isDirectory = entry.kind == .folder
                var isFile = entry.kind == .file
                if !isDirectory && !isFile {
                    var info = stat()
                    guard stat(path, &info) == 0 else { continue }
                    isDirectory = info.st_mode & S_IFMT == S_IFDIR
                    isFile = info.st_mode & S_IFMT == S_IFREG
                    if entry.kind != .file && entry.kind != .folder {
                        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                        guard inside(real) else {
                            if isDirectory || name.hasSuffix(".md") {
                                diagnostics.append(
                                    .warning(shown, "this link points outside the Content folder (\(real)); it is not read"))
                            }
                            continue
                        }
                    }
                }
                if isDirectory {
                    stack.append((path, prefix + name + "/"))
                } else if isFile && name.hasSuffix(".md") {
                    files.append(File(relativePath: prefix + name, path: path))
                }
            }
        }
        return files.sorted { TextKey.precedes($0.relativePath, $1.relativePath) }
    }

    /// How a path is shown in diagnostics: relative to the current folder when below it.
    public static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
        if path + "/" == base { return "" }
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

extension String {
    fileprivate var dropLastSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
