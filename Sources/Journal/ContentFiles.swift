import Foundation

/// Finds the Markdown files of a Content folder, in code-point order of their paths, safely:
/// symlinked folders are followed once, and a link back into a folder already visited is reported.
public enum ContentFiles {
    public struct File: Sendable, Hashable {
        /// Path relative to the folder searched (`acme.md`, `2026/globex.md`).
        public var relativePath: String
        public var url: URL
    }

    /// Every `*.md` below `folder` (an empty list when it does not exist).
    public static func markdownFiles(in folder: URL, diagnostics: inout [Diagnostic], displayPrefix: String) -> [File] {
        var files: [File] = []
        var visited = Set<String>()
        var stack: [(URL, String)] = [(folder, "")]
        let manager = FileManager.default
        while let (directory, prefix) = stack.popLast() {
            let real = directory.resolvingSymlinksInPath().path
            guard !visited.contains(real) else {
                diagnostics.append(
                    .warning(
                        SourceLocation(file: displayPrefix + prefix.dropLastSlash, line: 1, column: 1),
                        "this folder links back to a folder already read (a symlink loop); it is skipped"))
                continue
            }
            visited.insert(real)
            guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names where !name.hasPrefix(".") {
                let url = directory.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    stack.append((url, prefix + name + "/"))
                } else if name.hasSuffix(".md") {
                    files.append(File(relativePath: prefix + name, url: url))
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
