/// A template that cannot be parsed: what is wrong and where (1-based line, UTF-8 column).
public struct TemplateSyntaxError: Error, CustomStringConvertible, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(line):\(column): error: \(message)" }
}

/// Parses Mustache text into a `Template`.
///
/// The rules are those of swift-mustache, the library the theme language was first written for
/// (tests render every default page and thousands of random templates through both and compare
/// bytes): standalone tags take their line with them, a standalone partial indents every line it
/// renders, `{{<parent}}` holds `{{$block}}` overrides, `{{=<% %>=}}` changes delimiters, and names
/// may carry transforms such as `last()`.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private var nesting = 0
    /// The deepest sections, blocks and parents may nest (a template of a thousand nested
    /// sections is a mistake or an attack, never a page).
    static let maximumNesting = 500

    init(_ text: String) { bytes = Array(text.utf8) }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> Template {
        var parser = TemplateParser(text)
        return Template(try parser.parseNodes(State(), openedAt: 0))
    }

    struct State {
        var section: (name: String, transforms: [String])?
        var newLine = true
        var inParent = false
        var parentTopLevel = false
        var parentIndent: Int?
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)

        func entering(_ name: String, transforms: [String] = [], newLine: Bool) -> State {
            var state = self
            state.section = (name, transforms)
            state.parentTopLevel = false
            state.newLine = self.newLine && newLine
            return state
        }

        func enteringParent(_ name: String) -> State {
            var state = self
            state.section = (name, [])
            state.newLine = true
            state.inParent = true
            state.parentTopLevel = true
            return state
        }
    }

    // MARK: Bytes

    private var atEnd: Bool { position >= bytes.count }
    private var current: UInt8 { position < bytes.count ? bytes[position] : 0 }

    /// Length of the line break at `index` ("\n" or "\r\n"), or 0.
    private func newlineLength(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == 0x0A { return 1 }
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { return 2 }
        return 0
    }

    private static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    private static let nameBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static func isNameByte(_ byte: UInt8, brackets: Bool, slash: Bool = false) -> Bool {
        nameBytes[Int(byte)] || (brackets && (byte == 0x28 || byte == 0x29)) || (slash && byte == 0x2F)
    }

    @discardableResult
    private mutating func skip(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, predicate(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    private mutating func consume(_ literal: [UInt8]) -> Bool {
        guard position + literal.count <= bytes.count, bytes[position..<position + literal.count].elementsEqual(literal)
        else { return false }
        position += literal.count
        return true
    }

    private func error(_ message: String, at offset: Int? = nil) -> TemplateSyntaxError {
        let offset = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return TemplateSyntaxError(line: line, column: offset - lineStart + 1, message: message)
    }

    // MARK: Structure

    /// Parses until the end (top level) or the closing tag of `state.section`.
    private mutating func parseNodes(_ initial: State, openedAt: Int) throws(TemplateSyntaxError) -> [Template.Node] {
        // Each nested section is a level of recursion here: a located error long before the stack ends.
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw error("sections nest more than \(Self.maximumNesting) deep", at: openedAt)
        }
        var nodes: [Template.Node] = []
        var state = initial
        var pending: ArraySlice<UInt8> = []  // whitespace at the start of the line, not yet emitted
        while !atEnd {
            if state.newLine {
                let whitespace = skip(while: Self.isSpaceOrTab)
                if state.inParent, !state.parentTopLevel {
                    if let indent = state.parentIndent {
                        pending = whitespace.dropFirst(indent)
                    } else {
                        state.parentIndent = whitespace.count
                    }
                } else {
                    pending = whitespace
                }
            }
            let (text, foundTag) = readText(state)
            let newline = foundTag ? 0 : newlineLength(at: position)
            if newline > 0 {
                nodes.append(.text(Array(pending) + text + bytes[position..<position + newline]))
                position += newline
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(pending) + text))
                pending = []
                state.newLine = false
            }
            // A delimiter at the very end opens nothing (as in swift-mustache).
            if !foundTag || atEnd { break }
            let tagStart = position - state.open.count
            var standalone = false
            func flushPending() {
                if !pending.isEmpty {
                    nodes.append(.text(Array(pending)))
                    pending = []
                }
            }
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let name = try parseName(state)
                if isStandalone(state) { standalone = true } else { flushPending() }
                let inner = try parseNodes(
                    state.entering(name.text, transforms: name.transforms, newLine: standalone), openedAt: tagStart)
                nodes.append(.section(try compile(name, at: tagStart), Template(inner), inverted: inverted))

            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try parseName(state)
                guard let section = state.section else {
                    throw error("closing tag '\(name.text)' has no opening tag", at: nameStart)
                }
                guard name.text == section.name, name.transforms == section.transforms else {
                    throw error("closing tag '\(name.text)' does not match the open section '\(section.name)'", at: nameStart)
                }
                if !isStandalone(state) { flushPending() }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(state.close) else { throw error("comment is never closed", at: tagStart) }
                position = end + state.close.count
                standalone = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = current == UInt8(ascii: "{")
                flushPending()
                position += 1
                let name = try parseName(state)
                if triple, !consume([UInt8(ascii: "}")]) { throw error("'{{{' must be closed by '}}}'") }
                nodes.append(.variable(try compile(name, at: tagStart), escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                skip(while: Self.isWhitespace)
                let dynamic = consume([UInt8(ascii: "*")])
                let name = try parsePartialName(state)
                let indentation = Array(pending)
                flushPending()
                standalone = isStandalone(state)
                nodes.append(.partial(name, dynamic: dynamic, indentation: standalone ? indentation : [], overrides: nil))

            case UInt8(ascii: "<"):
                position += 1
                skip(while: Self.isWhitespace)
                let written = try parsePartialName(state)
                let indentation = Array(pending)
                flushPending()
                standalone = isStandalone(state)
                let inner = try parseNodes(state.enteringParent(written), openedAt: tagStart)
                var overrides: [String: Template] = [:]
                for node in inner {
                    switch node {
                    case .blockDefinition(let block, let template): overrides[block] = template
                    case .text: continue
                    default: throw error("only {{$block}} overrides may stand inside '{{<\(written)}}'", at: tagStart)
                    }
                }
                let dynamic = written.first == "*"
                nodes.append(
                    .partial(
                        dynamic ? String(written.dropFirst()) : written, dynamic: dynamic, indentation: indentation,
                        overrides: overrides))

            case UInt8(ascii: "$"):
                position += 1
                let name = try parseName(state)
                guard name.transforms.isEmpty else { throw error("a block name cannot have transforms", at: tagStart) }
                if state.parentTopLevel {
                    standalone = isStandalone(state)
                    let inner = try parseNodes(state.entering(name.text, newLine: standalone), openedAt: tagStart)
                    nodes.append(.blockDefinition(name.text, Template(inner)))
                } else {
                    let indentation = Array(pending)
                    flushPending()
                    standalone = isStandalone(state)
                    let inner = try parseNodes(state.entering(name.text, newLine: standalone), openedAt: tagStart)
                    nodes.append(.block(name.text, Template(inner), indentation: indentation))
                }

            case UInt8(ascii: "="):
                position += 1
                state = try parseDelimiters(state, at: tagStart)
                standalone = isStandalone(state)

            case UInt8(ascii: "%"):
                position += 1
                nodes.append(try parsePragma(state, at: tagStart))
                standalone = isStandalone(state)

            default:
                flushPending()
                let name = try parseName(state)
                nodes.append(.variable(try compile(name, at: tagStart), escaped: true))
            }
            state.newLine = standalone
        }
        if let section = state.section {
            throw error("section '\(section.name)' is never closed", at: openedAt)
        }
        return nodes
    }

    /// Text up to a line break or an opening delimiter (consumed; `foundTag` says which).
    private mutating func readText(_ state: State) -> (text: ArraySlice<UInt8>, foundTag: Bool) {
        let start = position
        let first = state.open[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A || (byte == 0x0D && newlineLength(at: position) == 2) {
                return (bytes[start..<position], false)
            }
            if byte == first, position + state.open.count <= bytes.count,
                bytes[position..<position + state.open.count].elementsEqual(state.open)
            {
                let text = bytes[start..<position]
                position += state.open.count
                return (text, true)
            }
            position += 1
        }
        return (bytes[start..<position], false)
    }

    private func find(_ literal: [UInt8]) -> Int? {
        var index = position
        while index + literal.count <= bytes.count {
            if bytes[index] == literal[0], bytes[index..<index + literal.count].elementsEqual(literal) { return index }
            index += 1
        }
        return nil
    }

    /// Whether the tag just read stands alone on its line; if so its line break is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var index = position
        while index < bytes.count, Self.isSpaceOrTab(bytes[index]) { index += 1 }
        // Like Swift's Character.isNewline: a lone CR, vertical tab or form feed also ends the line.
        if index < bytes.count, (0x0B...0x0D).contains(bytes[index]), newlineLength(at: index) == 0 {
            position = index + 1
            return true
        }
        let newline = newlineLength(at: index)
        guard newline > 0 else { return false }
        position = index + newline
        return true
    }

    // MARK: Tags

    struct WrittenName {
        var text: String
        var transforms: [String]
    }

    private mutating func parseName(_ state: State) throws(TemplateSyntaxError) -> WrittenName {
        skip(while: Self.isWhitespace)
        let start = position
        let raw = Array(skip(while: { Self.isNameByte($0, brackets: true) }))
        skip(while: Self.isWhitespace)
        guard consume(state.close) else {
            throw error(
                "tag is not closed by '\(String(decoding: state.close, as: UTF8.self))' (names use letters, digits and . - _ ? *)"
            )
        }
        let text = String(decoding: raw, as: UTF8.self)
        guard raw.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) else {
            return WrittenName(text: text, transforms: [])
        }
        // `a(b(name))`: transforms a and b, then the name, then as many closing brackets as opened.
        var transforms: [String] = []
        var index = 0
        var segmentStart = 0
        while true {
            while index < raw.count, raw[index] != UInt8(ascii: "("), raw[index] != UInt8(ascii: ")") { index += 1 }
            guard index < raw.count else { throw error("transform '\(text)' is missing a ')'", at: start) }
            let segment = String(decoding: raw[segmentStart..<index], as: UTF8.self)
            if raw[index] == UInt8(ascii: "(") {
                transforms.append(segment)
                index += 1
                segmentStart = index
                continue
            }
            let rest = raw[index...]
            guard rest.count == transforms.count, rest.allSatisfy({ $0 == UInt8(ascii: ")") }) else {
                throw error("transform '\(text)' has unbalanced brackets", at: start)
            }
            return WrittenName(text: segment, transforms: transforms)
        }
    }

    private mutating func parsePartialName(_ state: State) throws(TemplateSyntaxError) -> String {
        skip(while: Self.isWhitespace)
        let raw = skip(while: { Self.isNameByte($0, brackets: true, slash: true) })
        skip(while: Self.isWhitespace)
        guard consume(state.close) else {
            throw error("partial tag is not closed by '\(String(decoding: state.close, as: UTF8.self))'")
        }
        return String(decoding: raw, as: UTF8.self)
    }

    private mutating func parseDelimiters(_ state: State, at tagStart: Int) throws(TemplateSyntaxError) -> State {
        let bad = error("set delimiters as {{=<% %>=}}: two delimiters separated by a space", at: tagStart)
        skip(while: Self.isWhitespace)
        let open = Array(skip(while: { !Self.isWhitespace($0) }))
        guard !atEnd else { throw bad }
        skip(while: Self.isWhitespace)
        let close = Array(skip(while: { !Self.isWhitespace($0) && $0 != UInt8(ascii: "=") }))
        guard !atEnd else { throw bad }
        skip(while: Self.isWhitespace)
        guard consume([UInt8(ascii: "=")]), consume(state.close), !open.isEmpty, !close.isEmpty else { throw bad }
        var next = state
        next.open = open
        next.close = close
        next.parentTopLevel = false
        return next
    }

    private mutating func parsePragma(_ state: State, at tagStart: Int) throws(TemplateSyntaxError) -> Template.Node {
        let bad = error("the only setting is {{% CONTENT_TYPE: HTML }} or {{% CONTENT_TYPE: TEXT }}", at: tagStart)
        skip(while: Self.isWhitespace)
        let key = String(decoding: skip(while: { Self.isNameByte($0, brackets: false) }), as: UTF8.self)
        skip(while: Self.isWhitespace)
        guard consume([UInt8(ascii: ":")]) else { throw bad }
        skip(while: Self.isWhitespace)
        let value = String(decoding: skip(while: { Self.isNameByte($0, brackets: false) }), as: UTF8.self)
        skip(while: Self.isWhitespace)
        guard consume(state.close), key == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else { throw bad }
        return .contentType(escapesHTML: value == "HTML")
    }

    /// Splits a written name into how it is looked up; checks transform names.
    private func compile(_ name: WrittenName, at offset: Int) throws(TemplateSyntaxError) -> Template.Name {
        for transform in name.transforms where !Transforms.names.contains(transform) {
            throw error(
                "unknown transform '\(transform)()'; known: \(Transforms.names.sorted().joined(separator: ", "))", at: offset)
        }
        let parts = name.text.split(separator: ".").map(String.init)
        let start: Template.Name.Start
        if name.text == "." {
            start = .current
        } else if name.text.isEmpty, !name.transforms.isEmpty {
            start = .sequence
        } else if parts.isEmpty {
            start = .current
        } else if name.text.first == "." {
            start = .anchored
        } else {
            start = .stack
        }
        return Template.Name(start: start, parts: parts, transforms: name.transforms, text: name.text)
    }
}
