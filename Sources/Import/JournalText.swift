import Journal

/// Writes imported applications as one shape B journal file that reads back exactly: one
/// `## Company — Role` section each, properties, events in date order, notes in a quote so that
/// no imported text can start an application or an event.
enum JournalText {
    static func file(_ drafts: [Importer.Draft], title: String) -> String {
        var out = "# \(oneLine(title))\n"
        for draft in drafts {
            out += "\n## \(heading(draft.company)) — \(heading(draft.role))\n"
            var notes = draft.notes
            for (key, value) in draft.properties {
                let flat = oneLine(value)
                let needsChange = flat.utf8.contains(UInt8(ascii: ";")) || flat.utf8.contains(0xC2)
                let safe =
                    needsChange ? flat.replacingOccurrences(of: ";", with: ",").replacingOccurrences(of: "·", with: "-") : flat
                out += "\(key): \(safe)\n"
                if safe != flat { notes.append("\(key) as written: \(flat)") }
            }
            if !draft.tags.isEmpty {
                out +=
                    "tags: " + draft.tags.map { oneLine($0).replacingOccurrences(of: ",", with: " ") }.joined(separator: ", ")
                    + "\n"
            }
            if !draft.events.isEmpty {
                out += "\n"
                for event in draft.events {
                    let text = JournalEditor.eventText(date: event.date, time: event.time, kind: event.kind, note: event.note)
                    out += "- \(text)\n"
                }
            }
            if !notes.isEmpty {
                out += "\n"
                for (number, note) in notes.enumerated() {
                    if number > 0 { out += ">\n" }  // each cell its own paragraph
                    for line in note.split(
                        omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                    {
                        out += "> " + String(line).trimmingWhitespace + "\n"
                    }
                }
            }
        }
        return out
    }

    /// Text on one line, control characters as spaces.
    static func oneLine(_ text: String) -> String {
        // Most cells are printable ASCII: nothing to replace.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.trimmingWhitespace }
        return JournalEditor.oneLine(
            String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 })))
    }

    /// A name for a heading: one line, and no separator of its own (an em dash would split it).
    static func heading(_ text: String) -> String {
        var flat = oneLine(text)
        if flat.utf8.contains(0xE2) { flat = flat.replacingOccurrences(of: " \u{2014} ", with: " \u{2013} ") }
        return flat.isEmpty ? "Unknown" : flat
    }
}
