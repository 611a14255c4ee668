import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Maps a request path to a file under Output, refusing anything that could leave it: `..` in any
/// spelling, NUL, backslashes, and symbolic links that point outside.
public struct StaticFiles: Sendable {
    public let root: URL
    /// The path the site is mounted at, `/` or `/sub/`.
    public let prefix: String

    public init(root: URL, prefix: String) {
        self.root = root.standardizedFileURL
        var p = prefix.hasPrefix("/") ? prefix : "/" + prefix
        if !p.hasSuffix("/") { p += "/" }
        self.prefix = p
    }

    public enum Resolution: Equatable, Sendable {
        case file(URL)
        case redirect(String)
        case forbidden
        case notFound
    }

    /// Resolves a raw (still percent-encoded) request path.
    public func resolve(_ rawPath: String) -> Resolution {
        let path = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if path + "/" == prefix { return .redirect(prefix) }
        guard path.hasPrefix(prefix) else { return path == "/" ? .redirect(prefix) : .notFound }
        guard path.utf8.count <= 4096 else { return .forbidden }
        let rest = String(path.dropFirst(prefix.count))
        guard let decoded = rest.removingPercentEncoding else { return .forbidden }
        if decoded.contains("\u{0}") || decoded.contains("\\") || decoded.hasPrefix("/") { return .forbidden }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        // The build's own bookkeeping (manifest, staging folder, temporary files) is not part of the site.
        if segments.contains(where: { $0.hasPrefix(".followup") || $0.hasSuffix(".followup-tmp") }) { return .notFound }
        // A second layer of encoding (%252e%252e) decodes to "%2e%2e": refuse it rather than guess.
        if let twice = decoded.removingPercentEncoding, twice != decoded,
            twice.split(separator: "/").contains(where: { $0 == ".." })
        {
            return .forbidden
        }
        var url = root
        for segment in segments where !segment.isEmpty { url.appendPathComponent(String(segment)) }
        let realRoot = root.resolvingSymlinksInPath().path
        var info = stat()
        guard stat(url.path, &info) == 0 else { return .notFound }
        if info.st_mode & S_IFMT == S_IFDIR {
            if !decoded.isEmpty && !decoded.hasSuffix("/") { return .redirect(path + "/") }
            url.appendPathComponent("index.html")
            guard stat(url.path, &info) == 0 else { return .notFound }
        } else if decoded.hasSuffix("/") {
            return .notFound  // `/index.html/` treats a file as a folder: there is no such page
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notFound }
        let real = url.resolvingSymlinksInPath().path
        guard real == realRoot || real.hasPrefix(realRoot + "/") else { return .forbidden }
        return .file(url)
    }

    /// The Content-Type for a file name.
    public static func contentType(for url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml":
            return url.lastPathComponent == "feed.xml" ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
