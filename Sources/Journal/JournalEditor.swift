import Markdown

/// The only writes Followup makes to a journal: a new event line after an application's last event
/// (`followup add`), and new files from templates (`followup new`, `followup init`). Pure functions
/// of bytes in, bytes out, so tests can check every byte.
public enum JournalEditor {
    public struct EditError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Finds the application a user named: a slug, `Company — Role`, or a company with one application.
    public static func resolve(_ target: String, in applications: [Application]) -> Result<Application, EditError> {
        if let exact = applications.first(where: { $0.slug == target }) { return .success(exact) }
        var candidates: [Application]
        if let (company, role) = HeadingTitle.split(" " + target.trimmingWhitespace + " ") {
            candidates = applications.filter {
                $0.companyKey == TextKey.normalized(company) && TextKey.normalized($0.role) == TextKey.normalized(role)
            }
        } else {
            candidates = applications.filter { $0.companyKey == TextKey.normalized(target) }
        }
        if candidates.isEmpty {
            let key = TextKey.normalized(target)
            let near = applications.filter { $0.companyKey.contains(key) || $0.slug.contains(Slug.make(target)) }
            let hint = near.isEmpty ? "" : " (did you mean: \(near.prefix(8).map(\.slug).joined(separator: ", "))?)"
            return .failure(EditError(description: "no application matches '\(target)'\(hint)"))
        }
        if candidates.count > 1 {
            return .failure(
                EditError(
                    description:
                        "'\(target)' matches \(candidates.count) applications; name one by its slug: \(candidates.map(\.slug).joined(separator: ", "))"
                ))
        }
        return .success(candidates[0])
    }

    /// The kind a user typed (a name or an alias), or an error listing the kinds.
    public static func kind(_ word: String) -> Result<EventKind, EditError> {
        let bytes = Array(word.trimmingWhitespace.utf8)
        if let (name, kind) = EventLine.matchKind(bytes), name.utf8.count == bytes.count { return .success(kind) }
        return .failure(EditError(description: "unknown event kind '\(word)' (known: \(EventKind.knownList))"))
    }

    /// `DATE [TIME] kind[: note]`, on one line.
    public static func eventText(date: CivilDate, time: ClockTime?, kind: EventKind, note: String?) -> String {
        var text = date.description
        if let time { text += " \(time)" }
        text += " \(kind.rawValue)"
        let flat = (note ?? "").split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ").trimmingWhitespace
        if !flat.isEmpty { text += ": \(flat)" }
        return text
    }

    /// The file's bytes with the event inserted after the application's last top-level event (or at
    /// the end of its section when it has none), in the file's own line endings; every other byte kept.
    public static func insert(_ eventText: String, into bytes: [UInt8], after application: Application) -> [UInt8] {
        let crlf = containsCRLF(bytes)
        let newline: [UInt8] = crlf ? [13, 10] : [10]
        let lines = lineRanges(bytes)
        let last = application.events.max { $0.writtenIndex < $1.writtenIndex }
        var marker = "- "
        var afterLine: Int
        var blankFirst = false
        if let last {
            afterLine = max(last.endLine, last.location.line)
            while afterLine > last.location.line, afterLine <= lines.count, isBlank(bytes[lines[afterLine - 1]]) {
                afterLine -= 1
            }
            let lineBytes = Array(bytes[lines[last.location.line - 1]])
            let prefix = Array(lineBytes.prefix(max(last.location.column - 1, 0)))
            marker = nextMarker(String(decoding: prefix, as: UTF8.self))
        } else {
            afterLine = min(application.endLine, lines.count)
            while afterLine > 1, isBlank(bytes[lines[afterLine - 1]]) { afterLine -= 1 }
            blankFirst = true
        }
        afterLine = min(max(afterLine, 1), lines.count)
        var insertAt = lines[afterLine - 1].upperBound
        var prefixBytes: [UInt8] = []
        if insertAt < bytes.count {
            insertAt += bytes[insertAt] == 13 ? 2 : 1  // past this line's ending
        } else if !bytes.isEmpty && bytes.last != 10 {
            prefixBytes += newline  // the file did not end its last line
        }
        if blankFirst && !isBlank(bytes[lines[afterLine - 1]]) { prefixBytes += newline }
        let line = prefixBytes + Array((marker + eventText).utf8) + newline
        return Array(bytes[..<insertAt]) + line + Array(bytes[insertAt...])
    }

    /// The list marker for the next item: the same bullet, or the next number.
    static func nextMarker(_ previous: String) -> String {
        let indent = String(previous.prefix { $0 == " " })
        let rest = previous.dropFirst(indent.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let number = Int(digits) {
            let after = rest.dropFirst(digits.count)
            return indent + String(number + 1) + String(after.prefix(1)) + " "
        }
        if let bullet = rest.first, "-*+".contains(bullet) { return indent + String(bullet) + " " }
        return "- "
    }

    static func containsCRLF(_ bytes: [UInt8]) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 10 { return previous == 13 }
            previous = byte
        }
        return false
    }

    /// Byte ranges of each line, without its line ending.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 10 {
            let end = index > start && bytes[index - 1] == 13 ? index - 1 : index
            ranges.append(start..<end)
            start = index + 1
        }
        if start < bytes.count || ranges.isEmpty { ranges.append(start..<bytes.count) }
        return ranges
    }

    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.allSatisfy { $0 == 32 || $0 == 9 } }
}
