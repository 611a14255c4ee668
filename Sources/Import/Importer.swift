import Foundation
import Journal

/// `followup import`: rows of CSV files into one shared journal file, inventing nothing. Every
/// cell it cannot use is named by file, row and column, and its text is kept in the notes.
public enum Importer {
    public struct Options: Sendable {
        /// `--map COLUMN=FIELD`, by compared header key.
        public var overrides: [String: ImportField] = [:]
        public var dayFirst = false
        public init() {}

        /// Adds `COLUMN=FIELD`; nil when FIELD names nothing.
        public mutating func map(_ text: String) -> String? {
            guard let equals = text.lastIndex(of: "=") else { return "--map takes COLUMN=FIELD, not '\(text)'" }
            let column = String(text[..<equals])
            let name = String(text[text.index(after: equals)...])
            guard let field = ImportField(name: name) else {
                return
                    "--map: unknown field '\(name)' (fields: company, role, applied, source, location, link, contact, salary, tags, notes, status, response, ignore, or an event kind)"
            }
            overrides[ImportField.key(column)] = field
            return nil
        }
    }

    /// What an import gives: the journal text, its counts and what it could not use.
    public struct Result: Sendable {
        public var text: String
        public var applications: Int
        public var events: Int
        public var rows: Int
        public var skipped: Int
        public var warnings: [Diagnostic]
        /// Applications already in the journal, left out (`Company — Role (first applied DATE)`).
        public var alreadyThere: [String]
        /// Columns no field was found for, once each.
        public var unmapped: [String]
    }

    /// One application as the rows give it.
    struct Draft {
        var company: String
        var role: String
        var properties: [(key: String, value: String)] = []
        var tags: [String] = []
        var events: [(date: CivilDate, time: ClockTime?, kind: EventKind, note: String)] = []
        var notes: [String] = []
        var firstApplied: CivilDate? { events.filter { $0.kind == .applied }.map(\.date).min() }
    }

    public static func run(_ tables: [CSVTable], existing: [Application], options: Options, title: String) -> Result {
        var drafts: [Draft] = []
        var index: [String: Int] = [:]
        var warnings: [Diagnostic] = []
        var unmapped: [String] = []
        var skipped = 0
        var rowCount = 0
        for table in tables {
            let mapping = ColumnMapping(header: table.header, overrides: options.overrides)
            for name in mapping.unmapped where !unmapped.contains(name) { unmapped.append(name) }
            if isFollowupExport(table.header) {
                rowCount += table.rows.count
                readExport(table, into: &drafts, index: &index, warnings: &warnings, skipped: &skipped, options: options)
                continue
            }
            for (offset, row) in table.rows.enumerated() {
                rowCount += 1
                let number = offset + 2
                guard var draft = read(row, number: number, table: table, mapping: mapping, options: options, warnings: &warnings)
                else {
                    skipped += 1
                    continue
                }
                draft.events.sort { ($0.date, $0.time?.minutes ?? -1) < ($1.date, $1.time?.minutes ?? -1) }
                let key =
                    TextKey.company(draft.company) + "\u{0}" + TextKey.normalized(draft.role) + "\u{0}"
                    + (draft.firstApplied?.description ?? "row \(table.file):\(number)")
                if let at = index[key] {
                    merge(draft, into: &drafts[at])
                } else {
                    index[key] = drafts.count
                    drafts.append(draft)
                }
            }
        }
        // Applications the journal has already: same company key, role and first applied date.
        var present = Set<String>()
        for app in existing {
            let applied = app.events.first { $0.kind == .applied }?.date
            present.insert(
                TextKey.company(app.company) + "\u{0}" + TextKey.normalized(app.role) + "\u{0}" + (applied?.description ?? ""))
        }
        var alreadyThere: [String] = []
        // Nothing to compare with in a new journal: the keys are made only when there is.
        let kept =
            present.isEmpty
            ? drafts
            : drafts.filter { draft in
                let key =
                    TextKey.company(draft.company) + "\u{0}" + TextKey.normalized(draft.role) + "\u{0}"
                    + (draft.firstApplied?.description ?? "")
                if draft.firstApplied != nil && present.contains(key) {
                    alreadyThere.append("\(draft.company) — \(draft.role) (first applied \(draft.firstApplied!))")
                    return false
                }
                return true
            }
        return Result(
            text: JournalText.file(kept, title: title), applications: kept.count, events: kept.reduce(0) { $0 + $1.events.count },
            rows: rowCount, skipped: skipped, warnings: warnings, alreadyThere: alreadyThere, unmapped: unmapped)
    }

    /// One row as a draft application, or nil (with a warning) when it names no company.
    static func read(
        _ row: [String], number: Int, table: CSVTable, mapping: ColumnMapping, options: Options, warnings: inout [Diagnostic]
    ) -> Draft? {
        func place(_ column: Int) -> SourceLocation { SourceLocation(file: table.file, line: number, column: column + 1) }
        func cell(_ field: ImportField) -> (value: String, column: Int)? {
            guard let column = mapping.fields.firstIndex(of: field), column < row.count else { return nil }
            let value = row[column].trimmingWhitespace
            return value.isEmpty ? nil : (value, column)
        }
        guard let company = cell(.company) else {
            let column = mapping.fields.firstIndex(of: .company) ?? 0
            warnings.append(.warning(place(column), "row has no company; it is skipped"))
            return nil
        }
        var draft = Draft(
            company: JournalText.oneLine(company.value), role: cell(.role).map { JournalText.oneLine($0.value) } ?? "Unknown role"
        )
        for (column, field) in mapping.fields.enumerated() {
            guard let field, column < row.count else { continue }
            let value = row[column].trimmingWhitespace
            guard !value.isEmpty else { continue }
            let header = table.header[column]
            switch field {
            case .company, .role, .ignore, .response: continue
            case .source, .location, .link, .contact, .salary:
                draft.properties.append(("\(field)", value))
            case .tags:
                draft.tags += value.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmingWhitespace }
                    .filter { !$0.isEmpty }
            case .notes:
                draft.notes.append(value)
            case .applied:
                dates(
                    value, kind: .applied, header: header, at: place(column), into: &draft, options: options, warnings: &warnings)
            case .event(let kind):
                dates(value, kind: kind, header: header, at: place(column), into: &draft, options: options, warnings: &warnings)
            case .status:
                status(
                    value, header: header, at: place(column), response: cell(.response), place: place, into: &draft,
                    options: options, warnings: &warnings)
            }
        }
        return draft
    }

    /// A cell of one or more dates (`&`, `and`, `;` or line breaks between them) as events; the
    /// parts that are no full date are warned about and kept in the notes.
    static func dates(
        _ value: String, kind: EventKind, header: String, at location: SourceLocation, into draft: inout Draft, options: Options,
        warnings: inout [Diagnostic]
    ) {
        var parts = [value]
        let mayHoldSeveral =
            value.utf8.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: ";") || $0 == 10 || $0 == 13 }
            || value.contains(" and ")
        if mayHoldSeveral {
            for separator in ["&", " and ", ";", "\r\n", "\n"] {
                parts = parts.flatMap { $0.components(separatedBy: separator) }
            }
        }
        var rejected: [String] = []
        for part in parts.map({ $0.trimmingWhitespace }) where !part.isEmpty {
            if let (date, time) = DateText.cell(part, dayFirst: options.dayFirst) {
                draft.events.append((date, time, kind, ""))
            } else {
                rejected.append(part)
            }
        }
        if !rejected.isEmpty {
            let text = rejected.joined(separator: ", ")
            warnings.append(
                .warning(
                    location,
                    "'\(JournalText.oneLine(text))' in column '\(header)' is no full date (YYYY-MM-DD, 3/4/2026, Mar 4, 2026); no '\(kind.rawValue)' event, kept in the notes"
                ))
            draft.notes.append("\(header): \(text) (no date in the source)")
        }
    }

    /// Status words and the events they stand for, on the row's response date.
    static let statusEvents: [String: EventKind?] = {
        var table: [String: EventKind?] = [:]
        for word in ["rejected", "rejection", "not selected", "declined by employer", "no"] { table[word] = .rejected }
        for word in ["interview", "interviewing", "screen", "phone screen", "invited"] { table[word] = .invited }
        for word in ["offer", "offered"] { table[word] = .offer }
        for word in ["accepted", "hired"] { table[word] = .accepted }
        for word in ["withdrawn", "withdrew"] { table[word] = .withdrew }
        for word in ["ghosted", "no response"] { table[word] = .ghosted }
        for word in ["applied", "pending", "submitted", "waiting", "in progress", "ongoing", ""] {
            table[word] = .some(nil)
        }
        return table
    }()

    /// Lower case, punctuation and emoji dropped, spaces collapsed.
    static func statusKey(_ text: String) -> String {
        let kept = text.lowercased().unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? Character(scalar) : " "
        }
        return String(kept).split(separator: " ").joined(separator: " ")
    }

    static func status(
        _ value: String, header: String, at location: SourceLocation, response: (value: String, column: Int)?,
        place: (Int) -> SourceLocation, into draft: inout Draft, options: Options, warnings: inout [Diagnostic]
    ) {
        guard let mapped = statusEvents[statusKey(value)] else {
            warnings.append(
                .warning(
                    location, "unknown status '\(JournalText.oneLine(value))' in column '\(header)'; no event, kept in the notes")
            )
            draft.notes.append("\(header): \(value)")
            return
        }
        guard let kind = mapped else { return }
        guard let response, let (date, time) = DateText.cell(response.value, dayFirst: options.dayFirst) else {
            let at = response.map { place($0.column) } ?? location
            warnings.append(
                .warning(
                    at,
                    "status '\(JournalText.oneLine(value))' has no response date; no '\(kind.rawValue)' event, kept in the notes")
            )
            draft.notes.append("\(header): \(value)" + (response.map { " (\($0.value))" } ?? " (no date in the source)"))
            return
        }
        draft.events.append((date, time, kind, ""))
    }

    /// Rows of the same application (company key, role, first applied date) become one.
    static func merge(_ other: Draft, into draft: inout Draft) {
        for property in other.properties where !draft.properties.contains(where: { $0.key == property.key }) {
            draft.properties.append(property)
        }
        for tag in other.tags where !draft.tags.contains(tag) { draft.tags.append(tag) }
        for event in other.events
        where !draft.events.contains(where: { $0.date == event.date && $0.kind == event.kind && $0.time == event.time }) {
            draft.events.append(event)
        }
        draft.events.sort { ($0.date, $0.time?.minutes ?? -1) < ($1.date, $1.time?.minutes ?? -1) }
        for note in other.notes where !draft.notes.contains(note) { draft.notes.append(note) }
    }

    // MARK: Followup's own export (data/applications.csv)

    static let exportHeader = ["slug", "company", "role", "status", "date", "time", "kind", "note"]

    static func isFollowupExport(_ header: [String]) -> Bool { header.map { $0.lowercased() } == exportHeader }

    /// One row per event, grouped by slug: the journal it was exported from.
    static func readExport(
        _ table: CSVTable, into drafts: inout [Draft], index: inout [String: Int], warnings: inout [Diagnostic],
        skipped: inout Int,
        options: Options
    ) {
        for (offset, row) in table.rows.enumerated() where row.count >= 8 {
            let key = "export\u{0}" + row[0]
            if index[key] == nil {
                index[key] = drafts.count
                drafts.append(Draft(company: JournalText.oneLine(row[1]), role: JournalText.oneLine(row[2])))
            }
            guard !row[4].isEmpty else { continue }
            let location = SourceLocation(file: table.file, line: offset + 2, column: 5)
            guard let date = CivilDate(iso: row[4]), case .success(let kind) = JournalEditor.kind(row[6]) else {
                warnings.append(.warning(location, "row is not an event of Followup's export; it is skipped"))
                skipped += 1
                continue
            }
            let time = DateText.cell(row[4] + " " + row[5], dayFirst: false)?.time
            drafts[index[key]!].events.append((date, time, kind, row[7]))
        }
    }
}
