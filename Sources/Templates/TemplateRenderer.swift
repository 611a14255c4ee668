import Support

/// A template that could be parsed but not rendered: a partial that includes itself.
public struct TemplateRenderError: Error, CustomStringConvertible {
    public var description: String
    /// The render stopped only because this thread's stack ran low (a larger one may finish it).
    var stackLow = false

    init(description: String, stackLow: Bool = false) {
        self.description = description
        self.stackLow = stackLow
    }
}

/// Renders a template with a value into UTF-8 bytes.
///
/// One buffer, one context stack pushed and popped as sections open and close; a name resolves
/// innermost context first, each object searched by `TemplateObject`'s short list (or its index,
/// for objects of more than 24 keys).
struct TemplateRenderer {
    let templates: [String: Template]
    /// Items of lists kept from earlier renders (serve), or nil.
    let memo: TemplateMemo?
    /// The library's digest, part of every memo key.
    let library: Int
    var stack: [TemplateValue]
    var out: [UInt8] = []
    private var depth = 0
    /// Every nested render (section, partial, block), whatever its kind: what the stack holds.
    private var levels = 0
    /// The lowest place in `stack` a lookup reached since the memoised item being rendered began
    /// (-1: beyond the stack, a miss or a block): an item is kept only if this stayed within it.
    private var lowestReached = Int.max

    /// How deep partials and blocks may include each other: enough for a tree of data a thousand
    /// levels deep, and a cycle still stops with an error.
    static let maximumDepth = 1_200
    /// How deep rendering may go in all (sections within partials within sections…), kept well
    /// inside a thread's stack so that no template can crash the build.
    static let maximumLevels = 2_500
    /// The most one page may be: a template that would write more stops with an error.
    static let maximumOutput = 100 * 1024 * 1024

    init(templates: [String: Template], root: TemplateValue, memo: TemplateMemo? = nil, library: Int = 0) {
        self.templates = templates
        self.memo = memo
        self.library = library
        self.stack = [root]
        out.reserveCapacity(16_384)
    }

    /// What a render call inherits from the one that made it.
    struct Scope {
        var position: Transforms.Position?
        var indentation: [UInt8] = []
        var overrides: [String: Template]?
        var escapesHTML = true
        /// `position` is that of a memoised item in its list (which its output must not depend on).
        var positionOfMemoItem = false
    }

    mutating func render(_ template: Template, _ initial: Scope) throws(TemplateRenderError) {
        levels += 1
        defer { levels -= 1 }
        guard levels <= Self.maximumLevels else {
            throw TemplateRenderError(description: "sections and partials nest more than \(Self.maximumLevels) deep")
        }
        // Ordinary pages nest a dozen levels; only deep ones ask how much stack is left.
        if levels >= 48 && levels % 16 == 0, let left = StackGuard.remaining(), left < StackGuard.reserve {
            throw TemplateRenderError(description: "nesting too deep for this thread's stack", stackLow: true)
        }
        var scope = initial
        let start = out.count
        let indents = !scope.indentation.isEmpty
        let names = template.names
        let bytes = template.bytes
        for op in template.ops {
            let before = out.count
            switch op {
            case .text(let from, let to):
                bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[from..<to])) }

            case .variable(let name, let escaped):
                if let value = resolve(names[name], scope) { write(value, escaped: escaped && scope.escapesHTML) }

            case .section(let name, let child, let inverted):
                try section(resolve(names[name], scope), template.children[child], inverted: inverted, scope)

            case .partial(let name, let dynamic, let indentation, let overrides):
                var templateName = template.strings[name]
                if dynamic {
                    let written = Template.Name(
                        start: .stack, parts: templateName.split(separator: ".").map(String.init), transforms: [],
                        text: templateName)
                    guard case .string(let resolved)? = resolve(written, scope) else { break }
                    templateName = resolved
                }
                guard let partial = templates[templateName] else { break }
                var inner = Scope(indentation: scope.indentation + bytes[indentation], overrides: scope.overrides)
                if overrides >= 0 {
                    lowestReached = -1
                    // The outermost override of a block wins.
                    inner.overrides = (scope.overrides ?? [:]).merging(template.overrideSets[overrides]) { outer, _ in outer }
                }
                try nested(partial, inner, name: templateName)

            case .block(let name, let child, let indentation):
                lowestReached = -1
                var inner = scope
                inner.position = nil
                inner.indentation = scope.indentation + bytes[indentation]
                let blockName = template.strings[name]
                try nested(scope.overrides?[blockName] ?? template.children[child], inner, name: blockName)

            case .contentType(let escapesHTML):
                scope.escapesHTML = escapesHTML
            }
            // A partial that stood alone on an indented line is indented wherever its output starts
            // a new line, after "\n" and "\r\n" alike (swift-mustache skips "\r\n": a partial saved
            // on Windows would lose its indentation after its first line).
            if indents, out.count > before, before > start, out[before - 1] == 0x0A {
                out.insert(contentsOf: scope.indentation, at: before)
            }
            if out.count > Self.maximumOutput {
                throw TemplateRenderError(
                    description:
                        "the page would be larger than \(Self.maximumOutput / 1_048_576) MB; is a partial repeating itself?")
            }
        }
    }

    private mutating func section(
        _ value: TemplateValue?, _ template: Template, inverted: Bool, _ scope: Scope
    ) throws(TemplateRenderError) {
        if inverted {
            switch value {
            case .array(let items)? where items.isEmpty:
                try render(template, pushing: .array(items), scope)
            case .bool(false)?, nil:
                try render(template, scope)
            default:
                return
            }
            return
        }
        switch value {
        case nil, .null?, .bool(false)?:
            return
        case .bool(true)?:
            try render(template, scope)
        case .array(let items)?:
            var inner = scope
            inner.positionOfMemoItem = false
            for (index, item) in items.enumerated() {
                inner.position = Transforms.Position(index: index, isLast: index == items.count - 1)
                if let memo, case .object(let object) = item, let itemKey = object.memoKey {
                    try renderMemoised(item, key: itemKey, template, inner, memo: memo)
                    continue
                }
                stack.append(item)
                defer { stack.removeLast() }
                try render(template, inner)
            }
        case .some(let value):
            try render(template, pushing: value, scope)
        }
    }

    /// One item of a list, from the memo when it holds it, else rendered and kept when its output
    /// depended on nothing outside the item.
    private mutating func renderMemoised(
        _ item: TemplateValue, key itemKey: Int, _ template: Template, _ scope: Scope, memo: TemplateMemo
    ) throws(TemplateRenderError) {
        let key = TemplateMemo.Key(
            library: library, template: template.digest, item: itemKey, indentation: scope.indentation,
            escapesHTML: scope.escapesHTML)
        if let bytes = memo.bytes(key) {
            out.append(contentsOf: bytes)
            return
        }
        let outer = lowestReached
        lowestReached = Int.max
        let level = stack.count
        let start = out.count
        var inner = scope
        inner.positionOfMemoItem = true
        stack.append(item)
        defer { stack.removeLast() }
        try render(template, inner)
        if lowestReached >= level { memo.keep(key, bytes: Array(out[start...])) }
        lowestReached = min(outer, lowestReached)
    }

    private mutating func render(_ template: Template, pushing value: TemplateValue, _ scope: Scope) throws(TemplateRenderError) {
        var inner = scope
        inner.position = nil
        inner.positionOfMemoItem = false
        stack.append(value)
        defer { stack.removeLast() }
        try render(template, inner)
    }

    private mutating func nested(_ template: Template, _ scope: Scope, name: String) throws(TemplateRenderError) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw TemplateRenderError(
                description:
                    "partials and blocks nest more than \(Self.maximumDepth) deep at '\(name)': does a partial include itself?")
        }
        try render(template, scope)
    }

    // MARK: Names

    private mutating func resolve(_ name: Template.Name, _ scope: Scope) -> TemplateValue? {
        var value: TemplateValue?
        var transforms = name.transforms[...]
        switch name.start {
        case .current:
            value = stack.last
            lowestReached = min(lowestReached, stack.count - 1)
        case .sequence:
            if scope.positionOfMemoItem { lowestReached = -1 }
            guard let position = scope.position, let innermost = transforms.popLast() else { return nil }
            value = position.apply(innermost)
        case .anchored:
            value = stack.last.flatMap { Self.follow(name.parts[...], from: $0) }
            lowestReached = min(lowestReached, stack.count - 1)
        case .stack:
            let first = name.parts[0]
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].member(first) {
                    value = Self.follow(name.parts.dropFirst(), from: found)
                    break
                }
                index -= 1
            }
            // A miss (index -1) depends on every context: none may gain the name.
            lowestReached = min(lowestReached, index)
        }
        guard var result = value, result != .null else { return nil }
        while let transform = transforms.popLast() {
            guard let next = Transforms.apply(transform, to: result) else { return nil }
            result = next
        }
        return result
    }

    private static func follow(_ parts: ArraySlice<String>, from value: TemplateValue) -> TemplateValue? {
        var current = value
        for part in parts {
            guard let next = current.member(part) else { return nil }
            current = next
        }
        return current
    }

    // MARK: Output

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            if escaped { appendEscaped(text) } else { out.append(contentsOf: text.utf8) }
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .double(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null, .array, .object: return
        }
    }

    /// HTML-escapes `& < > " '` as swift-mustache does (`&#39;` for the apostrophe).
    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            let hasEntity = HTMLText.hasEntity
            for index in 0..<bytes.count {
                guard hasEntity[Int(bytes[index])], let replacement = HTMLText.entity(bytes[index]) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }
}
