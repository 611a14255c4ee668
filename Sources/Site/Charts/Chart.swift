import Support
import Templates

/// A chart drawn at build time: inline SVG, a one-line reading, and the data as a table, so that
/// every chart is readable without sight, without colour and without JavaScript.
public struct Chart: Sendable {
    public var id: String
    public var title: String
    /// A plain-language reading of what the chart shows ("half of your applications…").
    public var reading: String
    public var svg: String
    public var tableHeader: [String]
    public var tableRows: [[String]]

    /// The context a template needs.
    var context: TemplateValue {
        [
            "id": .string(id), "title": .string(title), "reading": .string(reading), "svg": .string(svg),
            "header": .array(tableHeader.map { ["cell": .string($0)] }),
            "rows": .array(tableRows.map { row in ["cells": .array(row.map { ["cell": .string($0)] })] }),
            "hasRows": .bool(!tableRows.isEmpty),
        ]
    }
}

/// A small SVG writer: numbers printed compactly, every text escaped.
struct SVG {
    private(set) var body = ""
    let width: Double
    let height: Double

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A coordinate to one decimal, without a trailing ".0" ("12", "12.5", "-0.5").
    static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite, abs(tenths) < 1e15 else { return "0" }
        // Integer arithmetic: formatting a Double was a visible cost with ~60 numbers per timeline.
        let whole = Int(tenths)
        let digit = abs(whole % 10)
        if digit == 0 { return String(whole / 10) }
        return (whole < 0 ? "-" : "") + String(abs(whole / 10)) + "." + String(digit)
    }

    mutating func raw(_ text: String) { body += text }

    mutating func rect(x: Double, y: Double, w: Double, h: Double, cls: String, title: String? = nil) {
        body +=
            "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(w, 0)))\" height=\"\(Self.n(max(h, 0)))\" class=\"\(cls)\""
        if let title { body += "><title>\(HTMLText.escape(title))</title></rect>" } else { body += "/>" }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, cls: String) {
        body += "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" class=\"\(cls)\"/>"
    }

    mutating func text(_ string: String, x: Double, y: Double, cls: String, anchor: String = "start") {
        body +=
            "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" class=\"\(cls)\" text-anchor=\"\(anchor)\">\(HTMLText.escape(string))</text>"
    }

    mutating func path(_ d: String, cls: String) {
        body += "<path d=\"\(d)\" class=\"\(cls)\"/>"
    }

    /// A marker whose shape tells the side of an event without colour: circle (candidate),
    /// square (employer), diamond (meeting), small dot (note).
    mutating func marker(side: String, x: Double, y: Double, size: Double, cls: String, title: String) {
        // Appended piece by piece: tens of thousands of markers make up the timelines.
        let close: String
        switch side {
        case "employer":
            body += "<rect x=\""
            body += Self.n(x - size)
            body += "\" y=\""
            body += Self.n(y - size)
            body += "\" width=\""
            body += Self.n(2 * size)
            body += "\" height=\""
            body += Self.n(2 * size)
            close = "</rect>"
        case "meeting":
            let s = size * 1.3
            body += "<path d=\"M"
            body += Self.n(x)
            body += " "
            body += Self.n(y - s)
            body += "L"
            body += Self.n(x + s)
            body += " "
            body += Self.n(y)
            body += "L"
            body += Self.n(x)
            body += " "
            body += Self.n(y + s)
            body += "L"
            body += Self.n(x - s)
            body += " "
            body += Self.n(y)
            body += "Z"
            close = "</path>"
        default:
            body += "<circle cx=\""
            body += Self.n(x)
            body += "\" cy=\""
            body += Self.n(y)
            body += "\" r=\""
            body += Self.n(side == "neutral" ? size * 0.6 : size)
            close = "</circle>"
        }
        body += "\" class=\""
        body += cls
        body += "\"><title>"
        body += HTMLText.escape(title)
        body += "</title>"
        body += close
    }

    /// The finished element, labelled for assistive technology by `labelID`.
    /// A chart holding links (the timeline's lanes) keeps the SVG's own role (a graphics document)
    /// instead of `img`: an image's content is presentational, so links inside one would be
    /// unreachable for assistive technology.
    func svg(labelID: String, label: String, cls: String, interactive: Bool = false) -> String {
        "<svg class=\"chart \(cls)\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\"\(interactive ? "" : " role=\"img\"") aria-labelledby=\"\(labelID)\" preserveAspectRatio=\"xMinYMin meet\"><title id=\"\(labelID)\">\(HTMLText.escape(label))</title>\(body)</svg>"
    }
}
