import Analytics
import Foundation
import Journal

/// data/applications.json and data/applications.csv: the journal as data, every dated event included.
enum DataExports {
    static func json(_ model: SiteModel) -> [UInt8] {
        // Each application is serialised on its own (on every core, or kept from the last build)
        // at the depth it stands in the file, and the pieces are joined.
        let items = pieces("json", model) { item($0, today: model.today).bytes(indent: 2) }
        var out: [UInt8] = []
        out.reserveCapacity(items.reduce(0) { $0 + $1.count + 6 } + 64)
        out += "{\n  \"today\": ".utf8
        out += JSONValue.string(model.today.description).bytes()
        out += ",\n  \"applications\": ".utf8
        if items.isEmpty {
            out += "[]".utf8
        } else {
            out += "[".utf8
            for (index, item) in items.enumerated() {
                out += (index == 0 ? "\n    " : ",\n    ").utf8
                out += item
            }
            out += "\n  ]".utf8
        }
        out += "\n}\n".utf8
        return out
    }

    /// One piece of a file for each application: made on every core in a build, kept by the
    /// application's facts (under one lock for the whole list) in a serve session.
    static func pieces(_ list: String, _ model: SiteModel, make: (ApplicationFacts) -> [UInt8]) -> [[UInt8]] {
        let facts = model.stats.facts
        guard let fragments = model.fragments else { return Parallel.map(facts, make) }
        return fragments.values(list, keys: facts.map(\.hashValue)) { make(facts[$0]) }
    }

    static func item(_ fact: ApplicationFacts, today: CivilDate) -> JSONValue {
        let app = fact.application
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        return .object([
            ("slug", .string(app.slug)), ("company", .string(app.company)), ("role", .string(app.role)),
            ("status", .string(fact.status.rawValue)), ("source", text(app.source)), ("location", text(app.location)),
            ("link", text(app.link)), ("contact", text(app.contact)), ("salary", text(app.salary)),
            ("tags", .array(app.tags.map { .string($0) })), ("private", .bool(app.isPrivate)),
            (
                "events",
                .array(
                    app.events.map { event in
                        .object([
                            ("date", .string(event.date.description)), ("time", text(event.time?.description)),
                            ("kind", .string(event.kind.rawValue)), ("note", .string(event.note)),
                            ("planned", .bool(event.date > today)),
                        ])
                    })
            ),
        ])
    }

    static let csvHeader = ["slug", "company", "role", "status", "date", "time", "kind", "note"]

    /// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
    /// A value starting with = + - @ (or a tab or CR) gets a leading apostrophe so a spreadsheet
    /// does not run it as a formula; a round trip gives the value back with that apostrophe.
    /// The file's bytes, joined from each application's lines (kept between serve builds).
    static func csvBytes(_ model: SiteModel) -> [UInt8] {
        let pieces = pieces("csv", model) { Array(rows($0).utf8) }
        var bytes = Array((csvHeader.map(field).joined(separator: ",") + "\r\n").utf8)
        bytes.reserveCapacity(pieces.reduce(bytes.count) { $0 + $1.count })
        for piece in pieces { bytes += piece }
        return bytes
    }

    /// One application's lines: one per event (an application without events gets one line).
    static func rows(_ fact: ApplicationFacts) -> String {
        let app = fact.application
        let base = [app.slug, app.company, app.role, fact.status.rawValue].map(field).joined(separator: ",")
        if app.events.isEmpty { return base + ",,,,\r\n" }
        var out = ""
        for event in app.events {
            out += base + ","
            out += [event.date.description, event.time?.description ?? "", event.kind.rawValue, event.note].map(field)
                .joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    static func field(_ raw: String) -> String {
        // Most values start with a letter or digit and hold no comma, quote or line break.
        if let first = raw.utf8.first, first != UInt8(ascii: "="), first != UInt8(ascii: "+"), first != UInt8(ascii: "-"),
            first != UInt8(ascii: "@"), first != 0x09,
            !raw.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
        {
            return raw
        }
        var value = raw
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            var quoted = "\""
            for scalar in value.unicodeScalars {
                if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
            }
            return quoted + "\""
        }
        return value
    }
}
