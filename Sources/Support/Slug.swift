import Foundation

/// The slug rule of docs/journal.md: NFKD, no combining marks, lower case, `a-z0-9` runs joined by `-`,
/// cut to 80 characters; `fallback` when nothing is left.
public enum Slug {
    public static let maxLength = 80

    public static func make(_ text: String, fallback: String = "application") -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? makeASCII(text, fallback: fallback) : makeScalars(text, fallback: fallback)
    }

    /// `make` scalar by scalar, after NFKD (for any text; ASCII goes the quicker way).
    static func makeScalars(_ text: String, fallback: String) -> String {
        var out = ""
        var pendingDash = false
        // ASCII is its own NFKD form and has no marks: skip Foundation's normalisation.
        let decomposed = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.decomposedStringWithCompatibilityMapping
        func accept(_ lower: Unicode.Scalar) {
            let v = lower.value
            if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(lower)
            } else {
                pendingDash = true
            }
        }
        for scalar in decomposed.unicodeScalars where !isMark(scalar) {
            if scalar.isASCII {
                accept((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar)
            } else {
                for lower in String(scalar).lowercased().unicodeScalars where !isMark(lower) { accept(lower) }
            }
            if out.utf8.count > maxLength { break }
        }
        if out.utf8.count > maxLength { out = String(out.prefix(maxLength)) }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }

    /// `make` for ASCII text, byte by byte (most names are ASCII; a slug is made for every
    /// application of every build).
    static func makeASCII(_ text: String, fallback: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(text.utf8.count, maxLength + 1))
        var pendingDash = false
        for byte in text.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(lower)
            } else {
                pendingDash = true
            }
            if out.count > maxLength { break }
        }
        if out.count > maxLength { out.removeLast(out.count - maxLength) }
        while out.last == UInt8(ascii: "-") { out.removeLast() }
        return out.isEmpty ? fallback : String(decoding: out, as: UTF8.self)
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

/// Numbers slugs that repeat, in the order they are given: the first keeps its slug, the later ones
/// get `-2`, `-3`, … (applications, articles and company pages all number this way).
public struct SlugNumbering {
    private var used: [String: Int] = [:]

    public init() {}

    public mutating func next(_ base: String) -> String {
        let count = (used[base] ?? 0) + 1
        used[base] = count
        return count == 1 ? base : "\(base)-\(count)"
    }
}
