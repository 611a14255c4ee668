import Foundation
import Markdown

/// The only writes Followup makes to a journal: a new event line after an application's last event
/// (`followup add`), and new files from templates (`followup new`, `followup init`). Pure functions
/// of bytes in, bytes out, so tests can check every byte.
public enum JournalEditor {
    /// Why an edit cannot be made, as a diagnostic (no location: it is about the command's words).
    public struct EditError: Error, CustomStringConvertible {
        public var diagnostic: Diagnostic
        public var description: String { diagnostic.message }

        init(_ message: String, hint: String? = nil) { diagnostic = .error(nil, message, hint: hint) }
    }

    /// Finds the application a user named: a slug, `Company — Role`, a company, a prefix of a
    /// company key or slug, or words all found in one application's company and role. Each way is
    /// tried in turn; the first that picks anything must pick exactly one.
    public static func resolve(_ target: String, in applications: [Application]) -> Result<Application, EditError> {
        if let exact = applications.first(where: { $0.slug == target }) { return .success(exact) }
        let trimmed = target.trimmingWhitespace
        let key = TextKey.company(trimmed)
        let slugText = Slug.make(trimmed, fallback: "")
        let words = slugText.split(separator: "-").map(String.init)
        var ways: [(Application) -> Bool] = []
        if let (company, role) = HeadingTitle.split(" " + trimmed + " ") {
            ways.append { $0.companyKey == TextKey.company(company) && TextKey.normalized($0.role) == TextKey.normalized(role) }
        }
        ways.append { $0.companyKey == key }
        if !key.isEmpty || !slugText.isEmpty {
            ways.append { (!key.isEmpty && $0.companyKey.hasPrefix(key)) || (!slugText.isEmpty && $0.slug.hasPrefix(slugText)) }
        }
        if !words.isEmpty {
            ways.append { app in
                let own = Set(Slug.make("\(app.company) \(app.role)").split(separator: "-").map(String.init))
                return words.allSatisfy { word in own.contains { $0.hasPrefix(word) } }
            }
        }
        for way in ways {
            let candidates = applications.filter(way)
            if candidates.count == 1 { return .success(candidates[0]) }
            if candidates.count > 1 {
                return .failure(
                    EditError(
                        "'\(target)' matches \(candidates.count) applications; name one by its slug: \(candidates.prefix(12).map(\.slug).joined(separator: ", "))"
                    ))
            }
        }
        let near = applications.filter { app in words.contains { app.slug.contains($0) } }
        let hint = near.isEmpty ? nil : "did you mean: \(near.prefix(8).map(\.slug).joined(separator: ", "))?"
        return .failure(EditError("no application matches '\(target)'", hint: hint))
    }

    /// A day as people say it: `YYYY-MM-DD`, `today`, `yesterday`, or a weekday name (the latest
    /// such day on or before today).
    public static func day(_ text: String, today: CivilDate) -> CivilDate? {
        let word = text.trimmingWhitespace.lowercased()
        if let date = CivilDate(iso: word) { return date }
        switch word {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        default: break
        }
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        guard let index = names.firstIndex(where: { $0 == word || (word.count >= 3 && $0.hasPrefix(word)) }) else {
            return nil
        }
        let back = (today.isoWeekday - (index + 1) + 7) % 7
        return today.adding(days: -back)
    }

    /// The kind a user typed (a name or an alias), or an error listing the kinds.
    public static func kind(_ word: String) -> Result<EventKind, EditError> {
        let bytes = Array(word.trimmingWhitespace.utf8)
        if let (name, kind) = EventLine.matchKind(bytes), name.utf8.count == bytes.count { return .success(kind) }
        if let near = EventKind.nearest(to: word.trimmingWhitespace) {
            return .failure(EditError("unknown event kind '\(word)'", hint: "did you mean '\(near.name)'?"))
        }
        return .failure(EditError("unknown event kind '\(word)' (known: \(EventKind.knownList))"))
    }

    /// Text made one line: every line break a space. Scalars, not Characters: Swift reads "\r\n"
    /// as one Character, which a Character split would miss, and a note must never become a
    /// second line (a new heading or event).
    public static func oneLine(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 11 || $0 == 12 || $0 >= 0xC2 }) {
            return text.trimmingWhitespace
        }
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        var out = String.UnicodeScalarView()
        var previousBreak = false
        for scalar in text.unicodeScalars {
            let isBreak = breaks.contains(scalar)
            if !(isBreak && previousBreak) { out.append(isBreak ? " " : scalar) }
            previousBreak = isBreak
        }
        return String(out).trimmingWhitespace
    }

    /// `DATE [TIME] kind[: note]`, on one line.
    public static func eventText(date: CivilDate, time: ClockTime?, kind: EventKind, note: String?) -> String {
        var text = date.description
        if let time { text += " \(time)" }
        text += " \(kind.rawValue)"
        let flat = oneLine(note ?? "")
        if !flat.isEmpty { text += ": \(flat)" }
        return text
    }

    /// The file's bytes with the event inserted after the application's last top-level event (or at
    /// the end of its section when it has none), in the file's own line endings; every other byte kept.
    ///
    /// With a `date`, the line goes after the last top-level event dated on or before it (so the list
    /// stays in date order), else before the first event.
    public static func insert(_ eventText: String, into bytes: [UInt8], after application: Application, date: CivilDate? = nil)
        -> [UInt8]
    {
        insertion(eventText, into: bytes, after: application, date: date).bytes
    }

    /// The new bytes and the 1-based line the event now stands on.
    public static func insertion(_ eventText: String, into bytes: [UInt8], after application: Application, date: CivilDate? = nil)
        -> (bytes: [UInt8], line: Int)
    {
        let crlf = containsCRLF(bytes)
        let newline: [UInt8] = crlf ? [13, 10] : [10]
        let lines = lineRanges(bytes)
        let written = application.events.sorted { $0.writtenIndex < $1.writtenIndex }
        var last = written.last
        if let date, let first = written.first {
            if let before = written.last(where: { $0.date <= date }) {
                last = before
            } else {
                // Before the first event, with its marker.
                let start = lines[first.location.line - 1].lowerBound
                let lineBytes = Array(bytes[lines[first.location.line - 1]])
                let marker = String(decoding: lineBytes.prefix(max(first.location.column - 1, 0)), as: UTF8.self)
                let line = Array((markerOrBullet(marker) + eventText).utf8) + newline
                return (Array(bytes[..<start]) + line + Array(bytes[start...]), first.location.line)
            }
        }
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
        let lineNumber = afterLine + 1 + prefixBytes.count / newline.count - (insertAt == bytes.count && bytes.last != 10 ? 1 : 0)
        return (Array(bytes[..<insertAt]) + line + Array(bytes[insertAt...]), lineNumber)
    }

    /// The marker of an item as written (`- `, `3. `), reused unchanged for an item put before it.
    static func markerOrBullet(_ prefix: String) -> String {
        let indent = String(prefix.prefix { $0 == " " })
        let rest = prefix.dropFirst(indent.count)
        if let bullet = rest.first, "-*+".contains(bullet) { return indent + String(bullet) + " " }
        if rest.first?.isNumber == true { return String(prefix) }
        return "- "
    }

    /// The same application as read from the file's current bytes (its place may have moved).
    public static func reread(_ application: Application, in bytes: [UInt8], path: String) -> Application? {
        guard case .success(let source) = SourceText.decode(Data(bytes), displayPath: path, relativePath: path) else {
            return nil
        }
        var reader = JournalFileReader(source: source)
        reader.read()
        return reader.applications.first {
            $0.positionInFile == application.positionInFile && $0.companyKey == application.companyKey
                && $0.role == application.role
        }
    }

    /// `DATE [TIME] text` for the Activities section, on one line.
    public static func activityText(date: CivilDate, time: ClockTime?, text: String) -> String {
        var line = date.description
        if let time { line += " \(time)" }
        return line + " " + oneLine(text)
    }

    /// The file's bytes with an item appended to its `## Activities` list (after its last item,
    /// else right below the heading), in the file's own line endings.
    public static func appendActivity(_ line: String, into bytes: [UInt8]) -> [UInt8] {
        let crlf = containsCRLF(bytes)
        let newline: [UInt8] = crlf ? [13, 10] : [10]
        let lines = lineRanges(bytes)
        let texts = lines.map { String(decoding: bytes[$0], as: UTF8.self) }
        guard let heading = texts.firstIndex(where: { ActivitySection.isHeading($0) }) else {
            return bytes + (bytes.last == 10 || bytes.isEmpty ? [] : newline) + newline + Array("## Activities".utf8) + newline
                + Array(("- " + line).utf8) + newline
        }
        var end = heading
        var index = heading + 1
        while index < texts.count, !texts[index].hasPrefix("#") {
            let trimmed = texts[index].trimmingWhitespace
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || (trimmed.isEmpty == false && texts[index].hasPrefix(" ")) {
                end = index
            }
            index += 1
        }
        var insertAt = lines[end].upperBound
        var prefix: [UInt8] = []
        if insertAt < bytes.count {
            insertAt += bytes[insertAt] == 13 ? 2 : 1
        } else if bytes.last != 10 {
            prefix = newline
        }
        return Array(bytes[..<insertAt]) + prefix + Array(("- " + line).utf8) + newline + Array(bytes[insertAt...])
    }

    // MARK: Fixes (`followup check --fix`)

    /// The file's bytes with each fixed line replaced by its fix, every other byte (and every line
    /// ending) kept. `fixes` maps 1-based line numbers to the new text of the line.
    public static func applyFixes(_ fixes: [Int: String], to bytes: [UInt8]) -> [UInt8] {
        let ranges = lineRanges(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        for (index, range) in ranges.enumerated() {
            guard let replacement = fixes[index + 1] else { continue }
            var start = range.lowerBound
            // A byte-order mark stays where it is: the line's text starts after it.
            if index == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
            out += bytes[position..<start]
            out += Array(replacement.utf8)
            position = range.upperBound
        }
        out += bytes[position...]
        return out
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
