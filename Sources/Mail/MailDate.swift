import Journal

/// RFC 5322 dates (`Tue, 1 Dec 2026 09:31:24 +0100`, with the obsolete zone names and comments
/// of older mail) as seconds since 1970.
enum MailDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zones: [String: Int] = [
        "ut": 0, "gmt": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
        "pst": -480, "pdt": -420,
    ]

    static func parse(_ value: String) -> Int? {
        var text = value
        if let open = text.firstIndex(of: "(") { text = String(text[..<open]) }  // a comment: "(CET)"
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        if let first = words.first, first.first?.isLetter == true, first.count <= 9 { words.removeFirst() }  // weekday
        guard words.count >= 4, let day = Int(words[0]), (1...31).contains(day),
            let month = months.firstIndex(of: String(words[1].prefix(3))), var year = Int(words[2])
        else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        let clock = words[3].split(separator: ":").map { Int($0) }
        guard clock.count >= 2, let hour = clock[0], let minute = clock[1], (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let second = clock.count > 2 ? (clock[2] ?? 0) : 0
        var offset = 0
        if words.count > 4 {
            let zone = words[4]
            if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let digits = Int(zone.dropFirst()) {
                offset = (sign == "-" ? -1 : 1) * ((digits / 100) * 60 + digits % 100)
            } else {
                offset = zones[zone] ?? 0
            }
        }
        guard let days = daysSinceEpoch(year: year, month: month + 1, day: day) else { return nil }
        return days * 86400 + hour * 3600 + minute * 60 + min(second, 60) - offset * 60
    }

    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int? {
        CivilDate(year: year, month: month, day: day)?.dayNumber
    }
}

/// HTML reduced to text for classification: tags dropped (script and style with their content),
/// block ends as line breaks, the common entities decoded. A scanner, not a parser: it only needs
/// the words.
enum HTMLText {
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "rsquo": "\u{2019}", "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}", "hellip": "…",
    ]
    static let blocks: Set<String> = ["br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table", "blockquote"]

    static func text(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var skipping: [UInt8]?
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "<") {
                var close = i + 1
                while close < bytes.count && bytes[close] != UInt8(ascii: ">") { close += 1 }
                guard close < bytes.count else { break }
                let closing = i + 1 < close && bytes[i + 1] == UInt8(ascii: "/")
                var nameStart = i + 1
                if closing { nameStart += 1 }
                var nameEnd = nameStart
                while nameEnd < close, ByteText.isWordByte(bytes[nameEnd]) { nameEnd += 1 }
                let name = bytes[nameStart..<nameEnd].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                if let skipped = skipping {
                    if closing && name == skipped { skipping = nil }
                } else if !closing && (name == Self.script || name == Self.style) && bytes[close - 1] != UInt8(ascii: "/") {
                    skipping = name
                } else if blocks.contains(String(decoding: name, as: UTF8.self)) {
                    out.append(10)
                }
                i = close + 1
                continue
            }
            if skipping == nil {
                if c == UInt8(ascii: "&") {
                    var semicolon = i + 1
                    while semicolon < min(bytes.count, i + 12) && bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
                    if semicolon < bytes.count, bytes[semicolon] == UInt8(ascii: ";"),
                        let value = entity(String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self))
                    {
                        out += value.utf8
                        i = semicolon + 1
                        continue
                    }
                }
                out.append(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let script = Array("script".utf8)
    static let style = Array("style".utf8)

    static func entity(_ name: String) -> String? {
        if let known = entities[name.lowercased()] { return known }
        if name.hasPrefix("#x") || name.hasPrefix("#X"), let value = UInt32(name.dropFirst(2), radix: 16),
            let scalar = Unicode.Scalar(value)
        {
            return String(Character(scalar))
        }
        if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
            return String(Character(scalar))
        }
        return nil
    }
}
