import Foundation
import Support

/// A name and an address from a `From`, `To` or `Reply-To` header.
public struct MailAddress: Sendable, Hashable {
    public var name: String
    /// Lower case.
    public var address: String
    public var domain: String { address.split(separator: "@").last.map(String.init) ?? "" }
    public var localPart: String { address.split(separator: "@").first.map(String.init) ?? "" }
}

/// What Followup reads of one message (RFC 5322 with MIME): who sent it to whom, when, its subject
/// and its text. Parsing never fails on odd mail: what cannot be read is left empty, within limits
/// on header count, nesting and size that keep any message's cost bounded.
public struct MailMessage: Sendable {
    public var from: MailAddress?
    public var replyTo: MailAddress?
    public var to: [MailAddress] = []
    public var subject = ""
    /// Seconds since 1970, when the `Date` header could be read.
    public var date: Int?
    public var messageID: String?
    public var hasListUnsubscribe = false
    /// The text of the message: its text/plain part, else its HTML reduced to text (at most `maximumText`).
    public var text = ""
    /// Every header, unfolded and decoded, in order (names lower-cased).
    public var headers: [(name: String, value: String)] = []

    static let maximumHeaders = 2_000
    static let maximumHeaderBytes = 1 << 20
    static let maximumDepth = 16
    static let maximumParts = 500
    static let maximumText = 200_000

    public func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    /// The message in `data`, or nil when it has no header at all.
    public static func parse(_ data: Data) -> MailMessage? {
        let bytes = [UInt8](data)
        let (headerBytes, body) = split(bytes[...])
        let headers = parseHeaders(headerBytes)
        guard !headers.isEmpty else { return nil }
        var message = MailMessage()
        message.headers = headers
        func value(_ name: String) -> String? { headers.first { $0.name == name }?.value }
        message.from = value("from").flatMap { AddressList.parse($0).first }
        message.replyTo = value("reply-to").flatMap { AddressList.parse($0).first }
        message.to = (value("to").map(AddressList.parse) ?? []) + (value("cc").map(AddressList.parse) ?? [])
        message.subject = (value("subject") ?? "").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        message.date = value("date").flatMap(MailDate.parse)
        message.messageID = value("message-id")?.trimmingWhitespace
        message.hasListUnsubscribe = value("list-unsubscribe") != nil
        var collected = Collected()
        var parts = 0
        collect(headers: headers, body: body, depth: 0, parts: &parts, into: &collected)
        let text = collected.plain.isEmpty ? HTMLText.text(collected.html) : collected.plain
        message.text = String(text.prefix(maximumText))
        return message
    }

    struct Collected {
        var plain = ""
        var html = ""
    }

    /// Headers and body, split at the first empty line (LF or CRLF).
    static func split(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var i = bytes.startIndex
        var lineStart = i
        while i < bytes.endIndex {
            if bytes[i] == 10 {
                let line = bytes[lineStart..<i]
                if line.isEmpty || line == [13] { return (bytes[bytes.startIndex..<lineStart], bytes[(i + 1)...]) }
                lineStart = i + 1
            }
            i += 1
        }
        return (bytes, [])
    }

    static func parseHeaders(_ bytes: ArraySlice<UInt8>) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var current: [UInt8] = []
        func flush() {
            defer { current.removeAll(keepingCapacity: true) }
            guard let colon = current.firstIndex(of: UInt8(ascii: ":")), colon > 0, result.count < maximumHeaders else { return }
            let name = String(decoding: current[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.contains(" "), !name.isEmpty else { return }
            let raw = Array(current[(colon + 1)...])
            let text = Charset.decode(raw, charset: nil).trimmingCharacters(in: .whitespaces)
            result.append((name, TransferEncoding.decodeWords(text)))
        }
        var start = bytes.startIndex
        let end = min(bytes.endIndex, bytes.startIndex + maximumHeaderBytes)
        while start < end {
            var stop = start
            while stop < end && bytes[stop] != 10 { stop += 1 }
            var line = bytes[start..<stop]
            if line.last == 13 { line = line.dropLast() }
            if let first = line.first, first == 32 || first == 9 {
                current.append(32)
                current += line.drop { $0 == 32 || $0 == 9 }
            } else {
                flush()
                current += line
            }
            start = stop + 1
        }
        flush()
        return result
    }

    /// A `Content-Type`-like value: its lower-cased first word and its parameters.
    static func parameters(_ value: String) -> (String, [String: String]) {
        var pieces = value.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let type = (pieces.isEmpty ? "" : pieces.removeFirst()).lowercased()
        var params: [String: String] = [:]
        for piece in pieces {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            params[key] = value
        }
        return (type, params)
    }

    static func collect(
        headers: [(name: String, value: String)], body: ArraySlice<UInt8>, depth: Int, parts: inout Int,
        into collected: inout Collected
    ) {
        parts += 1
        guard parts <= maximumParts else { return }
        let (type, params) = parameters(headers.first { $0.name == "content-type" }?.value ?? "text/plain")
        let disposition = parameters(headers.first { $0.name == "content-disposition" }?.value ?? "").0
        if type.hasPrefix("multipart/") {
            guard depth < maximumDepth, let boundary = params["boundary"], !boundary.isEmpty else { return }
            for part in multipartBodies(body, boundary: boundary) {
                let (partHeaders, partBody) = split(part)
                collect(headers: parseHeaders(partHeaders), body: partBody, depth: depth + 1, parts: &parts, into: &collected)
                if parts > maximumParts { return }
            }
            return
        }
        guard disposition != "attachment", type == "text/plain" || type == "text/html" || type.isEmpty else { return }
        if type == "text/html" ? !collected.html.isEmpty : !collected.plain.isEmpty { return }
        let encoding = (headers.first { $0.name == "content-transfer-encoding" }?.value ?? "").lowercased()
            .trimmingCharacters(in: .whitespaces)
        let limited = Array(body.prefix(maximumText * 4))
        let decoded: [UInt8]
        switch encoding {
        case "quoted-printable": decoded = TransferEncoding.quotedPrintable(limited)
        case "base64": decoded = TransferEncoding.base64(limited)
        default: decoded = limited
        }
        let text = Charset.decode(decoded, charset: params["charset"])
        if type == "text/html" { collected.html = text } else { collected.plain = text }
    }

    /// The bodies between `--boundary` lines, up to `--boundary--`.
    static func multipartBodies(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let marker = [UInt8](("--" + boundary).utf8)
        var result: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        var i = body.startIndex
        while i <= body.endIndex {
            if i == body.endIndex || body[i] == 10 {
                let line = body[lineStart..<i]
                let rest = line.dropFirst(marker.count)
                // The marker, then only `--` (the end) or white space: `--b10` is not `--b1`.
                let isMarker =
                    line.starts(with: marker) && rest.drop { $0 == 45 }.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
                    && (rest.prefix { $0 == 45 }.count == 0 || rest.prefix { $0 == 45 }.count == 2)
                if isMarker {
                    if let start = partStart {
                        var end = lineStart
                        // The line break before the marker belongs to it.
                        if end > start, body[end - 1] == 10 { end -= 1 }
                        if end > start, body[end - 1] == 13 { end -= 1 }
                        result.append(body[start..<max(start, end)])
                        if result.count >= maximumParts { return result }
                    }
                    if rest.starts(with: [45, 45]) { return result }
                    partStart = min(i + 1, body.endIndex)
                }
                lineStart = i + 1
            }
            i += 1
        }
        if let start = partStart, start < body.endIndex { result.append(body[start...]) }  // a truncated last part
        return result
    }
}

/// Addresses of a header: `Name <a@b>`, `a@b (Name)`, `"Last, First" <a@b>`, separated by commas.
enum AddressList {
    static func parse(_ value: String) -> [MailAddress] {
        var result: [MailAddress] = []
        var piece = ""
        var quoted = false
        var angle = false
        for character in value {
            switch character {
            case "\"": quoted.toggle()
            case "<": angle = true
            case ">": angle = false
            case "," where !quoted && !angle:
                if let address = one(piece) { result.append(address) }
                piece = ""
                continue
            default: break
            }
            piece.append(character)
            if result.count >= 200 { break }
        }
        if let address = one(piece) { result.append(address) }
        return result
    }

    static func one(_ text: String) -> MailAddress? {
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let address = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces).lowercased()
            let name = text[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \t\""))
            return address.contains("@") ? MailAddress(name: name, address: address) : nil
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == ")" })
        guard let address = words.first(where: { $0.contains("@") }) else { return nil }
        let name =
            text.firstIndex(of: "(").map { open in
                text[text.index(after: open)...].prefix { $0 != ")" }.trimmingCharacters(in: .whitespaces)
            } ?? ""
        return MailAddress(name: name, address: address.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "<>\"'")))
    }
}
