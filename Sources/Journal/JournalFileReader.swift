import Markdown

/// Reads one journal file (either shape) into applications, collecting every diagnostic on the way.
///
/// The file is parsed once by cmark-gfm; this walks the top level of its tree. Only the text of a list
/// item's first paragraph, as written, is read character by character (the event micro-syntax).
struct JournalFileReader {
    let source: SourceText
    /// site.yml's `date_order: day-first`: how `3/4/2026` is read when both readings fit.
    let dayFirst: Bool
    private(set) var applications: [Application] = []
    private(set) var activities: [Activity] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Event-like lines of the application being read whose date has no year: their fix waits
    /// for the application's dated events.
    private var yearless: [(diagnostic: Int, month: Int, day: Int, fix: (CivilDate) -> String)] = []

    init(source: SourceText, dayFirst: Bool = false) {
        self.source = source
        self.dayFirst = dayFirst
    }

    mutating func read() {
        if FrontMatter.starts(source) { readOneApplication() } else { readSharedFile() }
        warnInvisibleCharacters()
    }

    /// Bidi overrides, isolates and zero-width characters change how text reads without showing:
    /// each is named at its place (the pages isolate journal text, but the file itself misleads).
    private mutating func warnInvisibleCharacters() {
        // They are all E2 80 8B–8F, E2 80 AA–AE or E2 81 A6–A9 in UTF-8: most files have none of E2.
        guard source.text.utf8.contains(0xE2) else { return }
        for (index, line) in source.lines.enumerated() where line.utf8.contains(0xE2) {
            var column = 1
            for scalar in line.unicodeScalars {
                if Self.invisible.contains(scalar.value) {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    diagnostics.append(
                        .warning(
                            source.location(line: index + 1, column: column),
                            "invisible character U+\(code) (\(Self.invisibleName(scalar.value))): it changes how the text around it reads; remove it unless you meant it"
                        ))
                }
                column += String(scalar).utf8.count
            }
        }
    }

    static let invisible: Set<UInt32> = [
        0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]

    static func invisibleName(_ value: UInt32) -> String {
        switch value {
        case 0x200B...0x200D: return "zero-width"
        case 0x200E, 0x200F: return "direction mark"
        case 0x202A...0x202E: return "bidi embedding or override"
        default: return "bidi isolate"
        }
    }

    // MARK: Shape A

    private mutating func readOneApplication() {
        let frontMatter: FrontMatter
        switch FrontMatter.split(source) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return
        case .success(let split): frontMatter = split
        }
        let origin = source.location(line: 1, column: 1)
        var app = Application(company: "", role: "", origin: origin, path: source.relativePath)
        switch YAMLMapping.frontMatter(frontMatter, source: source) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return
        case .success(let mapping):
            for field in mapping.fields { apply(field, to: &app) }
        }
        let document = MarkdownDocument(FrontMatter.body(of: source, from: frontMatter.bodyStartLine), structureOnly: true)
        var notes = NoteCollector()
        var events: [Event] = []
        readBlocks(document.rootNode.children, propertiesAllowed: false, app: &app, events: &events, notes: &notes)
        app.endLine = source.lines.count
        finish(&app, events: events, notes: notes)
    }

    private mutating func apply(_ field: YAMLMapping.Field, to app: inout Application) {
        guard let key = ApplicationProperty(rawValue: field.key.lowercased()) else {
            diagnostics.append(
                .warning(field.location, UnknownKey.message("property", field.key, known: ApplicationProperty.names)))
            return
        }
        switch key {
        case .tags: app.tags = field.list(&diagnostics)
        case .isPrivate: app.isPrivate = field.bool(&diagnostics) ?? app.isPrivate
        default: ApplicationProperty.setText(key, field.text(&diagnostics), on: &app)
        }
    }

    // MARK: Shape B

    private struct Section {
        var heading: MarkdownNode?
        var blocks: [MarkdownNode] = []
    }

    private mutating func readSharedFile() {
        let document = MarkdownDocument(source.text, structureOnly: true)
        var sections = [Section()]
        for block in document.rootNode.children {
            if block.kind == .heading && block.headingLevel <= 2 {
                sections.append(Section(heading: block))
            } else {
                sections[sections.count - 1].blocks.append(block)
            }
        }
        var position = 0
        for (index, section) in sections.enumerated() {
            guard let heading = section.heading, heading.headingLevel == 2 else {
                warnStrayEvents(section.blocks, under: section.heading)
                continue
            }
            let title = heading.plainText.withoutControlCharacters.trimmingWhitespace
            if title.lowercased() == "activities" {
                readActivities(section.blocks)
                continue
            }
            let textLocation = headingTextLocation(heading)
            var app = Application(company: "", role: "", origin: textLocation, path: source.relativePath)
            if let (company, role) = HeadingTitle.split(" " + title + " ") {  // padded: '— Dev' names no company
                app.company = company
                app.role = role
            } else if hasEvents(section.blocks) {
                app.company = title
                diagnostics.append(
                    .warning(
                        textLocation,
                        "heading '\(title)' has no separator ('Company — Role'); the whole heading is taken as the company, with no role"
                    ))
            } else {
                continue  // an ordinary section of notes
            }
            app.positionInFile = position
            position += 1
            var notes = NoteCollector()
            var events: [Event] = []
            readBlocks(section.blocks, propertiesAllowed: true, app: &app, events: &events, notes: &notes)
            app.endLine =
                index + 1 < sections.count
                ? (sections[index + 1].heading?.startLine ?? source.lines.count + 1) - 1 : source.lines.count
            finish(&app, events: events, notes: notes)
        }
    }

    private func headingTextLocation(_ heading: MarkdownNode) -> SourceLocation {
        let line = source.line(heading.startLine)
        var index = line.startIndex
        for wanted in [" ", "#", " "] as [Character] {
            while index < line.endIndex && (line[index] == wanted || (wanted == " " && line[index] == "\t")) {
                index = line.index(after: index)
            }
        }
        return source.location(line: heading.startLine, column: line.byteColumn(of: index))
    }

    // MARK: Blocks of one application

    private mutating func readBlocks(
        _ blocks: [MarkdownNode], propertiesAllowed: Bool, app: inout Application, events: inout [Event],
        notes: inout NoteCollector
    ) {
        var inProperties = propertiesAllowed
        for block in blocks {
            switch block.kind {
            case .paragraph where inProperties:
                if let lines = propertyLines(block) {
                    for line in lines {
                        switch line {
                        case .pairs(let pairs): for pair in pairs { applyLine(pair, to: &app) }
                        case .malformed(let number, let text): warnMalformedProperty(number, text)
                        }
                    }
                } else {
                    inProperties = false
                    warnEventLikeLines(block)
                    notes.add(block.startLine, block.endLine)
                }
            case .paragraph:
                warnEventLikeLines(block)
                notes.add(block.startLine, block.endLine)
            case .heading where propertiesAllowed && block.headingLevel >= 3:
                inProperties = false
                let text = block.plainText.withoutControlCharacters.trimmingWhitespace
                if HeadingTitle.split(" " + text + " ") != nil {
                    diagnostics.append(
                        .warning(
                            headingTextLocation(block),
                            "'\(String(repeating: "#", count: block.headingLevel)) \(text)' starts no application; use '## \(text)' (its events count in the application above)",
                            fix: "## " + text))
                }
                notes.add(block.startLine, block.endLine)
            case .list:
                for item in block.children {
                    switch classify(item) {
                    case .event(let event):
                        inProperties = false
                        var event = event
                        event.writtenIndex = events.count
                        events.append(event)
                    case .notEvent:
                        if inProperties, let paragraph = item.firstChild, paragraph.kind == .paragraph,
                            paragraph.next == nil, let lines = propertyLines(paragraph),
                            case .pairs(let pairs) = lines[0], lines.count == 1
                        {
                            for pair in pairs { applyLine(pair, to: &app) }
                        } else {
                            inProperties = false
                            notes.add(item.startLine, item.endLine)
                        }
                    }
                }
            default:
                inProperties = false
                notes.add(block.startLine, block.endLine)
            }
        }
    }

    private enum ItemClass {
        case event(Event)
        case notEvent
    }

    /// Whether a list item is an event; diagnostics for misshapen dates, impossible dates and unknown kinds.
    private mutating func classify(_ item: MarkdownNode) -> ItemClass {
        guard let paragraph = item.firstChild, paragraph.kind == .paragraph else { return .notEvent }
        let text = source.line(paragraph.startLine, fromColumn: paragraph.startColumn)
        let source = self.source
        let here = { (offset: Int) in
            source.location(line: paragraph.startLine, column: paragraph.startColumn + offset)
        }
        // A dated line right below an item is a continuation of its paragraph in Markdown: it
        // would vanish into the item's note without this warning.
        if paragraph.endLine > paragraph.startLine {
            warnEventLikeLines(paragraph, from: paragraph.startLine + 1)
        }
        switch EventLine.parse(Self.withoutTaskBox(text)) {
        case .none:
            warnEventLike(text, line: paragraph.startLine, column: paragraph.startColumn)
            return .notEvent
        case .invalid(let offset, let message):
            diagnostics.append(.error(here(offset + Self.taskBoxLength(text)), message))
            return .notEvent
        case .event(let line, let warnings):
            let box = Self.taskBoxLength(text)
            for warning in warnings {
                var fix: String?
                if let replace = warning.replace {
                    let whole = Array(source.line(paragraph.startLine).utf8)
                    let at = paragraph.startColumn - 1 + box + replace.offset
                    if at + replace.length <= whole.count {
                        fix =
                            String(decoding: whole[..<at], as: UTF8.self) + replace.text
                            + String(decoding: whole[(at + replace.length)...], as: UTF8.self)
                    }
                }
                diagnostics.append(.warning(here(box + warning.offset), warning.message, hint: warning.hint, fix: fix))
            }
            var note = line.note
            if paragraph.endLine > paragraph.startLine {
                for number in (paragraph.startLine + 1)...paragraph.endLine {
                    note += "\n" + source.line(number).trimmingWhitespace
                }
            }
            var details = ""
            if let second = paragraph.next {
                details = NoteCollector.dedent(
                    source.lines(second.startLine, item.endLine), by: paragraph.startColumn - 1)
            }
            return .event(
                Event(
                    date: line.date, time: line.time, kind: line.kind, writtenKind: line.writtenKind,
                    note: note.trimmingWhitespace, details: details, location: here(0), endLine: item.endLine))
        }
    }

    /// A task-list box (`[ ]`, `[x]`) before an event's date is ignored.
    static func taskBoxLength(_ text: Substring) -> Int {
        let b = Array(text.utf8.prefix(4))
        guard b.count >= 4, b[0] == UInt8(ascii: "["), b[2] == UInt8(ascii: "]"), b[3] == 32,
            [32, UInt8(ascii: "x"), UInt8(ascii: "X")].contains(b[1])
        else { return 0 }
        return 4
    }

    static func withoutTaskBox(_ text: Substring) -> Substring {
        let n = taskBoxLength(text)
        return n == 0 ? text : Substring(text.utf8.dropFirst(n))
    }

    /// A warning for a line that looks like an event (a date in another shape at its start), with
    /// the canonical line as its fix where the date can be made exact.
    @discardableResult
    private mutating func warnEventLike(_ text: Substring, line: Int, column: Int) -> Bool {
        guard let found = EventLikeLine.detect(text, dayFirst: dayFirst) else { return false }
        let location = source.location(line: line, column: column)
        let whole = source.line(line)
        let message = "'\(found.written)' is not a date in the form YYYY-MM-DD, so this item is not an event"
        if let date = found.date {
            diagnostics.append(
                .warning(location, message, fix: EventLikeLine.fixLine(indentOf: whole, body: found.canonical(date))))
        } else if let (month, day) = found.monthDay {
            diagnostics.append(.warning(location, message + " (it has no year)"))
            yearless.append(
                (
                    diagnostics.count - 1, month, day,
                    { date in EventLikeLine.fixLine(indentOf: whole, body: found.canonical(date)) }
                ))
        }
        return true
    }

    /// Event-like lines inside a paragraph of notes (a date with no bullet, `-2026-03-04`).
    private mutating func warnEventLikeLines(_ paragraph: MarkdownNode, from first: Int? = nil) {
        for number in (first ?? paragraph.startLine)...max(first ?? paragraph.startLine, paragraph.endLine) {
            let column = number == paragraph.startLine ? paragraph.startColumn : 1
            let text = source.line(number, fromColumn: column)
            let indent = text.utf8.prefix { $0 == 32 || $0 == 9 }.count
            let body = Substring(text.utf8.dropFirst(indent))
            if EventLine.startsWithISODate(body) {
                let location = source.location(line: number, column: column + indent)
                diagnostics.append(
                    .warning(
                        location, "a dated line that is not a list item is not an event; start it with '- '",
                        fix: EventLikeLine.fixLine(indentOf: source.line(number), body: String(body))))
            } else {
                warnEventLike(text, line: number, column: column + indent)
            }
        }
    }

    // MARK: Activities (docs/statistics.md)

    /// The `## Activities` section of a shared file: dated items that are not applications.
    private mutating func readActivities(_ blocks: [MarkdownNode]) {
        for block in blocks {
            switch block.kind {
            case .list:
                for item in block.children {
                    guard let paragraph = item.firstChild, paragraph.kind == .paragraph else { continue }
                    let text = source.line(paragraph.startLine, fromColumn: paragraph.startColumn)
                    let here = source.location(line: paragraph.startLine, column: paragraph.startColumn)
                    switch EventLine.parseDated(text) {
                    case .none:
                        if !warnEventLike(text, line: paragraph.startLine, column: paragraph.startColumn) {
                            diagnostics.append(
                                .warning(
                                    here,
                                    "an item under '## Activities' needs a date ('- YYYY-MM-DD what you did'); it is not counted")
                            )
                        }
                    case .invalid(let offset, let message):
                        diagnostics.append(
                            .error(source.location(line: paragraph.startLine, column: paragraph.startColumn + offset), message))
                    case .dated(let date, let time, let rest):
                        let what = String(rest).trimmingWhitespace
                        if what.isEmpty {
                            diagnostics.append(.warning(here, "activity has no text: say what you did"))
                        }
                        activities.append(
                            Activity(date: date, time: time, text: what, location: here, path: source.relativePath))
                    }
                }
            case .paragraph:
                warnEventLikeLines(block)
            default: break
            }
        }
        yearless.removeAll()
    }

    private func hasEvents(_ blocks: [MarkdownNode]) -> Bool {
        blocks.contains { block in
            block.kind == .list
                && block.children.contains { item in
                    guard let paragraph = item.firstChild, paragraph.kind == .paragraph else { return false }
                    return EventLine.startsWithISODate(source.line(paragraph.startLine, fromColumn: paragraph.startColumn))
                }
        }
    }

    private mutating func warnStrayEvents(_ blocks: [MarkdownNode], under heading: MarkdownNode?) {
        for block in blocks where block.kind == .list {
            for item in block.children {
                guard let paragraph = item.firstChild, paragraph.kind == .paragraph else { continue }
                let text = source.line(paragraph.startLine, fromColumn: paragraph.startColumn)
                guard EventLine.startsWithISODate(text) || EventLikeLine.detect(text, dayFirst: dayFirst) != nil else { continue }
                let place =
                    heading.map { "under '\($0.plainText.trimmingWhitespace)', which is not an application" }
                    ?? "before the first application heading"
                diagnostics.append(
                    .warning(
                        source.location(line: paragraph.startLine, column: paragraph.startColumn),
                        "event outside any application (\(place)); it is ignored. Start an application with '## Company — Role'"
                    ))
            }
        }
    }

    // MARK: Property lines (shape B)

    private struct PropertyPair {
        var key: String
        var value: String
        var location: SourceLocation
    }

    private enum PropertyLine {
        case pairs([PropertyPair])
        /// A line of a property block that is not `key: value` pairs.
        case malformed(line: Int, text: Substring)
    }

    /// The lines of a paragraph as property lines (`key: value` pairs separated by `·` or `;`),
    /// each on its own; nil when no line of it is one (a paragraph of notes).
    private func propertyLines(_ paragraph: MarkdownNode) -> [PropertyLine]? {
        var result: [PropertyLine] = []
        var anyPairs = false
        for number in paragraph.startLine...max(paragraph.startLine, paragraph.endLine) {
            let startColumn = number == paragraph.startLine ? paragraph.startColumn : 1
            let line = source.line(number, fromColumn: startColumn)
            if let pairs = pairs(in: line, number: number, startColumn: startColumn) {
                anyPairs = true
                result.append(.pairs(pairs))
            } else {
                result.append(.malformed(line: number, text: line))
            }
        }
        return anyPairs ? result : nil
    }

    /// `key: value` pairs filling one line, or nil.
    private func pairs(in line: Substring, number: Int, startColumn: Int) -> [PropertyPair]? {
        var pairs: [PropertyPair] = []
        var pieceStart = line.startIndex
        var index = line.startIndex
        while true {
            let atEnd = index == line.endIndex
            if atEnd || line[index] == "·" || line[index] == ";" {
                let piece = line[pieceStart..<index]
                if !piece.trimmingWhitespace.isEmpty {
                    guard let colon = piece.firstIndex(of: ":") else { return nil }
                    let key = piece[..<colon].trimmingWhitespace
                    guard Self.isKey(key) else { return nil }
                    let keyStart = piece.firstIndex { !$0.isWhitespace } ?? piece.startIndex
                    let column = startColumn + line.byteColumn(of: keyStart) - 1
                    pairs.append(
                        PropertyPair(
                            key: key, value: piece[piece.index(after: colon)...].withoutControlCharacters.trimmingWhitespace,
                            location: source.location(line: number, column: column)))
                }
                if atEnd { break }
                pieceStart = line.index(after: index)
            }
            index = line.index(after: index)
        }
        return pairs.isEmpty ? nil : pairs
    }

    /// A line of a property block that is not `key: value`: a warning, with a fix when it starts
    /// with a known key (`location - Berlin` → `location: Berlin`).
    private mutating func warnMalformedProperty(_ number: Int, _ text: Substring) {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return }
        let indent = text.utf8.prefix { $0 == 32 || $0 == 9 }.count
        let location = source.location(line: number, column: source.line(number).utf8.count - text.utf8.count + indent + 1)
        let word = String(trimmed.prefix { $0.isLetter || $0 == "_" || $0 == "-" })
        var fix: String?
        if let key = ApplicationProperty(rawValue: word.lowercased()) {
            let value = trimmed.dropFirst(word.count).drop { $0 == " " || $0 == "\t" || $0 == "-" || $0 == "=" || $0 == ":" }
            if !value.isEmpty {
                let line = source.line(number)
                fix =
                    String(line.prefix(line.count - text.count)) + String(text.prefix { $0 == " " || $0 == "\t" })
                    + key.rawValue + ": " + value
            }
        }
        diagnostics.append(
            .warning(
                location, "'\(trimmed)' is not a property line ('key: value'); it is ignored", fix: fix))
    }

    private static func isKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, isLetter(first), key.unicodeScalars.count <= 30 else {
            return false
        }
        return key.unicodeScalars.allSatisfy { isLetter($0) || $0 == "_" || $0 == "-" || ("0"..."9").contains($0) }
    }

    /// Alphabetic, answered for ASCII without a Unicode property lookup.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        return scalar.properties.isAlphabetic
    }

    private mutating func applyLine(_ pair: PropertyPair, to app: inout Application) {
        guard let key = ApplicationProperty(rawValue: pair.key.lowercased()) else {
            diagnostics.append(
                .warning(pair.location, UnknownKey.message("property", pair.key, known: ApplicationProperty.names)))
            return
        }
        let value = pair.value.isEmpty ? nil : pair.value
        switch key {
        case .company, .role:
            diagnostics.append(
                .warning(pair.location, "'\(pair.key)' comes from the heading ('## Company — Role'); this line is ignored"))
        case .tags:
            app.tags = (value ?? "").split(separator: ",").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        case .isPrivate:
            switch value?.lowercased() {
            case "true": app.isPrivate = true
            case "false": app.isPrivate = false
            default: diagnostics.append(.error(pair.location, "'private' must be true or false"))
            }
        default:
            ApplicationProperty.setText(key, value, on: &app)
        }
    }

    // MARK: Finishing

    private mutating func finish(_ app: inout Application, events: [Event], notes: NoteCollector) {
        app.company = app.company.trimmingWhitespace
        app.role = app.role.trimmingWhitespace
        app.events = events.inEventOrder()
        app.notes = notes.text(from: source)
        let dates = app.events.map(\.date)
        for pending in yearless {
            if let year = EventLikeLine.year(month: pending.month, day: pending.day, near: dates),
                let date = CivilDate(year: year, month: pending.month, day: pending.day)
            {
                diagnostics[pending.diagnostic].fix = Diagnostic.Fix(replacement: pending.fix(date))
            }
        }
        yearless.removeAll()
        diagnostics += Self.sequenceWarnings(app)
        if app.company.isEmpty {
            diagnostics.append(
                .error(
                    app.origin,
                    FrontMatter.starts(source)
                        ? "application has no company: add 'company: Name' to the front matter"
                        : "application has no company: write the heading as '## Company — Role'"))
            return
        }
        applications.append(app)
    }
}

extension JournalFileReader {
    /// What only shows across an application's events: none at all, `applied` twice within 30
    /// days, an employer's contact dated before the first `applied`.
    static func sequenceWarnings(_ app: Application) -> [Diagnostic] {
        guard !app.company.isEmpty else { return [] }
        if app.events.isEmpty {
            return [
                .warning(
                    app.origin, "no dated events: this application counts in no figure until it has one ('- YYYY-MM-DD applied')")
            ]
        }
        var found: [Diagnostic] = []
        let applied = app.events.filter { $0.kind == .applied }
        if let first = applied.first {
            for again in applied.dropFirst() where first.date.days(to: again.date) <= 30 {
                found.append(
                    .warning(
                        again.location,
                        "applied twice: this application was already marked 'applied' on \(first.date) (both count as applications sent)"
                    ))
            }
            for event in app.events where event.date < first.date && (event.kind.side == .employer || event.kind.side == .meeting)
            {
                found.append(
                    .warning(
                        event.location,
                        "'\(event.kind.rawValue)' is dated before the first 'applied' (\(first.date)); the response time is counted from 'applied'"
                    ))
            }
        }
        return found
    }
}

/// The line ranges of an application's free notes, joined back into Markdown.
struct NoteCollector {
    private var ranges: [(Int, Int)] = []

    mutating func add(_ first: Int, _ givenLast: Int) {
        let last = max(first, givenLast)  // cmark-gfm reports some blocks ending before they start
        if let previous = ranges.last, previous.1 + 1 >= first {
            ranges[ranges.count - 1].1 = max(previous.1, last)
        } else {
            ranges.append((first, last))
        }
    }

    func text(from source: SourceText) -> String {
        ranges.map { range in
            var lines = (range.0...range.1).map { String(source.line($0)) }
            while let last = lines.last, last.trimmingWhitespace.isEmpty { lines.removeLast() }
            return lines.joined(separator: "\n")
        }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// Removes up to `count` leading spaces from every line.
    static func dedent(_ text: String, by count: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var dropped = 0
            var index = line.startIndex
            while dropped < count && index < line.endIndex && line[index] == " " {
                index = line.index(after: index)
                dropped += 1
            }
            return String(line[index...])
        }.joined(separator: "\n").trimmingWhitespace
    }
}
