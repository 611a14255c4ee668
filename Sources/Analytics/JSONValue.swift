/// A JSON value with ordered keys and an explicit integer/number split.
///
/// Written by hand rather than with JSONEncoder because stats.json needs keys in the spec's order
/// and whole-day figures printed as integers (`7`, not `7.0`) while means stay numbers (`5.0`).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Pretty-printed with two-space indentation and a final newline when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    /// `serialized(pretty:)` as UTF-8, written straight into bytes (data files run to megabytes).
    public func bytes(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, indent: pretty ? 0 : nil)
        if pretty { out.append(0x0A) }
        return out
    }

    /// Pretty-printed as it stands `indent` levels deep inside a larger value (no final newline):
    /// large files serialise their items on every core and join them.
    public func bytes(indent: Int) -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, indent: indent)
        return out
    }

    private func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): out += String(i).utf8
        case .number(let d):
            if d.isFinite {
                out += (d == d.rounded() && abs(d) < 1e15 ? "\(Int(d)).0" : "\(d)").utf8
            } else {
                out += "null".utf8
            }
        case .string(let s): JSONValue.appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]".utf8
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent.map { $0 + 1 })
                item.write(to: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty {
                out += "{}".utf8
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent.map { $0 + 1 })
                JSONValue.appendQuoted(key, to: &out)
                out += (indent == nil ? ":" : ": ").utf8
                value.write(to: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        out.append(0x0A)
        for _ in 0..<indent { out += "  ".utf8 }
    }

    /// Appends `quote(s)`; most strings need no escape and are copied in one piece.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        // Bytes that may need an escape: controls, quote, backslash, "<", DEL, and 0xE2, the first
        // byte of U+2028 and U+2029.
        let plain = s.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x3C && byte != 0x7F && byte != 0xE2
        }
        out.append(UInt8(ascii: "\""))
        if plain {
            out += s.utf8
        } else {
            out += quote(s).utf8.dropFirst().dropLast()
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A JSON string literal; control characters, quotes, backslashes and the line separators
    /// U+2028/U+2029 escaped, everything else kept as written.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"  // keeps "</script>" inert if the JSON is ever inlined in HTML
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension JSONValue {
    static func optional(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
    static func optional(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
    static func optional(_ value: DayFigure?) -> JSONValue {
        switch value {
        case .none: return .null
        case .whole(let v): return .int(v)
        case .fraction(let v): return .number(v)
        }
    }
}
