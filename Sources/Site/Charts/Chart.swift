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

/// A small SVG writer: numbers printed compactly, every text escaped, written as UTF-8 bytes
/// (tens of thousands of markers make up the timelines; appending to a String piece by piece and
/// interpolating each attribute was most of their cost).
struct SVG {
    private(set) var bytes: [UInt8] = []
    let width: Double
    let height: Double

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
        bytes.reserveCapacity(1_024)
    }

    /// A coordinate to one decimal, without a trailing ".0" ("12", "12.5", "-0.5").
    static func n(_ value: Double) -> String {
        var out: [UInt8] = []
        appendNumber(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `n(value)` appended as bytes.
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite, abs(tenths) < 1e15 else {
            out.append(UInt8(ascii: "0"))
            return
        }
        let whole = Int(tenths)
        if whole < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = whole.magnitude
        appendDigits(magnitude / 10, to: &out)
        let digit = magnitude % 10
        if digit != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(digit))
        }
    }

    private static func appendDigits(_ value: UInt, to out: inout [UInt8]) {
        if value >= 10 { appendDigits(value / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    private mutating func put(_ text: String) { bytes.append(contentsOf: text.utf8) }
    private mutating func put(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
    private mutating func put(_ number: Double) { Self.appendNumber(number, to: &bytes) }
    private mutating func putEscaped(_ text: String) { HTMLText.appendEscaped(text, to: &bytes) }

    /// Markup written as is (the caller escapes what it holds).
    mutating func raw(_ text: String) { put(text) }

    /// `<a href="…">` around what follows, until `closeLink()`.
    mutating func openLink(_ href: String) {
        put("<a href=\"")
        putEscaped(href)
        put("\">")
    }

    mutating func closeLink() { put("</a>") }

    mutating func rect(x: Double, y: Double, w: Double, h: Double, cls: String, title: String? = nil) {
        put("<rect x=\"")
        put(x)
        put("\" y=\"")
        put(y)
        put("\" width=\"")
        put(max(w, 0))
        put("\" height=\"")
        put(max(h, 0))
        put("\" class=\"")
        put(cls)
        put("\"")
        if let title {
            put("><title>")
            putEscaped(title)
            put("</title></rect>")
        } else {
            put("/>")
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, cls: String) {
        put("<line x1=\"")
        put(x1)
        put("\" y1=\"")
        put(y1)
        put("\" x2=\"")
        put(x2)
        put("\" y2=\"")
        put(y2)
        put("\" class=\"")
        put(cls)
        put("\"/>")
    }

    mutating func text(_ string: String, x: Double, y: Double, cls: String, anchor: String = "start") {
        put("<text x=\"")
        put(x)
        put("\" y=\"")
        put(y)
        put("\" class=\"")
        put(cls)
        put("\" text-anchor=\"")
        put(anchor)
        put("\">")
        putEscaped(string)
        put("</text>")
    }

    mutating func path(_ d: String, cls: String) {
        put("<path d=\"")
        put(d)
        put("\" class=\"")
        put(cls)
        put("\"/>")
    }

    /// A marker whose shape tells the side of an event without colour: circle (candidate),
    /// square (employer), diamond (meeting), small dot (note). Its class is `event side-…`, with
    /// ` planned` for an event after today; its title is written by `title` into the bytes.
    mutating func marker(side: String, x: Double, y: Double, size: Double, planned: Bool, title: (inout [UInt8]) -> Void) {
        let close: StaticString
        switch side {
        case "employer":
            put("<rect x=\"")
            put(x - size)
            put("\" y=\"")
            put(y - size)
            put("\" width=\"")
            put(2 * size)
            put("\" height=\"")
            put(2 * size)
            close = "</rect>"
        case "meeting":
            let s = size * 1.3
            put("<path d=\"M")
            put(x)
            put(" ")
            put(y - s)
            put("L")
            put(x + s)
            put(" ")
            put(y)
            put("L")
            put(x)
            put(" ")
            put(y + s)
            put("L")
            put(x - s)
            put(" ")
            put(y)
            put("Z")
            close = "</path>"
        default:
            put("<circle cx=\"")
            put(x)
            put("\" cy=\"")
            put(y)
            put("\" r=\"")
            put(side == "neutral" ? size * 0.6 : size)
            close = "</circle>"
        }
        put("\" class=\"event side-")
        put(side)
        if planned { put(" planned") }
        put("\"><title>")
        title(&bytes)
        put("</title>")
        put(close)
    }

    /// The finished element, labelled for assistive technology by `labelID`.
    /// A chart holding links (the timeline's lanes) keeps the SVG's own role (a graphics document)
    /// instead of `img`: an image's content is presentational, so links inside one would be
    /// unreachable for assistive technology.
    func svg(labelID: String, label: String, cls: String, interactive: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 400)
        out +=
            "<svg class=\"chart \(cls)\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\"\(interactive ? "" : " role=\"img\"") aria-labelledby=\"\(labelID)\" preserveAspectRatio=\"xMinYMin meet\"><title id=\"\(labelID)\">"
            .utf8
        HTMLText.appendEscaped(label, to: &out)
        out += "</title>".utf8
        out += bytes
        out += "</svg>".utf8
        return String(decoding: out, as: UTF8.self)
    }
}
