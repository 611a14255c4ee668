import Markdown

/// How a `##` heading of a shared journal file names an application: `Company — Role` and its variants.
enum HeadingTitle {
    /// Separators in order of precedence; the first kind found wins, at its first occurrence.
    /// `@` reads the other way round: `Role @ Company`.
    static let separators: [(text: String, roleFirst: Bool)] = [
        (" \u{2014} ", false), (" \u{2013} ", false), (" @ ", true), (" | ", false), (" - ", false),
    ]

    /// The company and role a heading's plain text names, or nil when it holds no separator.
    static func split(_ text: String) -> (company: String, role: String)? {
        for (separator, roleFirst) in separators {
            if let range = text.range(of: separator) {
                let left = text[..<range.lowerBound].trimmingWhitespace
                let right = text[range.upperBound...].trimmingWhitespace
                return roleFirst ? (right, left) : (left, right)
            }
        }
        return nil
    }
}
