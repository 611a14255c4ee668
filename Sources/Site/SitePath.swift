/// The one way Followup makes a link: every URL in a page is relative to that page, so the site
/// works from file:// and under any base URL.
public enum SitePath {
    /// A relative link from the page at `page` (a path inside Output, like `applications/x/index.html`)
    /// to `target` (another such path; a trailing `/` means its `index.html`).
    public static func link(from page: String, to target: String) -> String {
        var target = target
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        return root(from: page) + target
    }

    /// The prefix that leads from `page` back to the site root (`""`, `../`, `../../`).
    public static func root(from page: String) -> String {
        var depth = 0
        for byte in page.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        return depth == 0 ? "" : String(repeating: "../", count: depth)
    }

    public static func application(_ slug: String) -> String { "applications/\(slug)/index.html" }
    public static func company(_ slug: String) -> String { "companies/\(slug)/index.html" }
    public static func article(_ slug: String) -> String { "advice/\(slug)/index.html" }
    public static func tag(_ slug: String) -> String { "advice/tags/\(slug)/index.html" }

    /// Whether a path produced from user text stays inside Output: no empty, `.` or `..` segments,
    /// no absolute path, no backslash or NUL. Slugs guarantee this; the writer checks again.
    public static func isContained(_ path: String) -> Bool {
        // One pass over the bytes (this runs for every file of every build).
        var segmentLength = 0
        var dots = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                if segmentLength == 0 || segmentLength == dots && dots <= 2 { return false }
                segmentLength = 0
                dots = 0
            case UInt8(ascii: "\\"), 0:
                return false
            default:
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength > 0 && !(segmentLength == dots && dots <= 2)
    }
}
