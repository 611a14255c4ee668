/// A place in a source file: what every diagnostic points at.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The path as shown to the user (relative to the current folder when it is below it).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in UTF-8 bytes.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file.unicodeScalars.lexicographicallyPrecedes(b.file.unicodeScalars) }
        return (a.line, a.column) < (b.line, b.column)
    }
}

/// A problem found in the user's files, printed compiler style so editors can jump to it.
///
/// A typed value from the reader to the terminal and the browser: the message, an optional hint
/// (advice that is not applied) and an optional fix (a whole replacement line that `check --fix`
/// writes in place of the line the diagnostic points at).
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning, note }

    /// A replacement for the diagnostic's line (without its line ending).
    public struct Fix: Sendable, Hashable, Codable {
        public var replacement: String
        public init(replacement: String) { self.replacement = replacement }
    }

    public var severity: Severity
    /// Where it is; nil for a problem with no place in a file (an Output that cannot be written).
    public var location: SourceLocation?
    public var message: String
    public var hint: String?
    public var fix: Fix?

    public init(_ severity: Severity, _ location: SourceLocation?, _ message: String, hint: String? = nil, fix: Fix? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.fix = fix
    }

    public static func error(_ location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint)
    }

    public static func warning(_ location: SourceLocation?, _ message: String, hint: String? = nil, fix: String? = nil)
        -> Diagnostic
    {
        Diagnostic(.warning, location, message, hint: hint, fix: fix.map(Fix.init(replacement:)))
    }

    public static func note(_ location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.note, location, message, hint: hint)
    }

    public var isError: Bool { severity == .error }

    /// `path:line:col: severity: message`, or `severity: message` without a location.
    public var description: String {
        let head = location.map { Self.printable($0.description) + ": " } ?? ""
        return "\(head)\(severity.rawValue): \(Self.printable(message))"
    }

    /// The description, then the hint and the fix on lines of their own: what `check` prints.
    public var rendered: String {
        var text = description
        if let hint { text += "\n  hint: " + Self.printable(hint) }
        if let fix { text += "\n  fix: " + Self.printable(fix.replacement) }
        return text
    }

    /// Control characters (a NUL, an escape sequence) shown as `\u{…}`, so a message cannot drive a terminal.
    public static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line and column, keeping the found order for ties.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    public var hasErrors: Bool { contains { $0.isError } }
}
