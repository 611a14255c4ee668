/// One compiled template, ready to render many times: a list of small operations whose payloads
/// are indexes into the template's tables (text bytes, names, child templates), so walking it
/// copies no reference-counted values.
public final class Template: Sendable {
    let ops: [Op]
    /// Every literal text of the template, back to back (UTF-8).
    let bytes: [UInt8]
    let names: [Name]
    let children: [Template]
    /// Partial and block names.
    let strings: [String]
    let overrideSets: [[String: Template]]
    /// A hash of what the template says (its texts, tags and the digests of its sections): two
    /// templates with the same digest render the same, whichever load of a theme they come from.
    let digest: Int

    enum Op: Sendable {
        case text(Int, Int)
        case variable(name: Int, escaped: Bool)
        case section(name: Int, child: Int, inverted: Bool)
        /// `overrides` is -1 for a plain partial; the indentation is a range of `bytes`.
        case partial(name: Int, dynamic: Bool, indentation: Range<Int>, overrides: Int)
        case block(name: Int, child: Int, indentation: Range<Int>)
        case contentType(escapesHTML: Bool)
    }

    /// Compiles parsed nodes. Adjacent texts stay apart: a standalone partial's indentation is
    /// applied node by node, as in swift-mustache.
    init(_ nodes: [Node]) {
        var ops: [Op] = []
        var bytes: [UInt8] = []
        var names: [Name] = []
        var children: [Template] = []
        var strings: [String] = []
        var overrideSets: [[String: Template]] = []
        var hasher = Hasher()
        func text(_ piece: [UInt8]) -> Range<Int> {
            let start = bytes.count
            bytes += piece
            return start..<bytes.count
        }
        for node in nodes {
            switch node {
            case .text(let piece):
                hasher.combine(0)
                hasher.combine(piece)
                let range = text(piece)
                ops.append(.text(range.lowerBound, range.upperBound))
            case .variable(let name, let escaped):
                hasher.combine(1)
                hasher.combine(name.text)
                hasher.combine(escaped)
                names.append(name)
                ops.append(.variable(name: names.count - 1, escaped: escaped))
            case .section(let name, let template, let inverted):
                hasher.combine(2)
                hasher.combine(name.text)
                hasher.combine(template.digest)
                hasher.combine(inverted)
                names.append(name)
                children.append(template)
                ops.append(.section(name: names.count - 1, child: children.count - 1, inverted: inverted))
            case .partial(let name, let dynamic, let indentation, let overrides):
                hasher.combine(3)
                hasher.combine(name)
                hasher.combine(dynamic)
                hasher.combine(indentation)
                for (block, template) in (overrides ?? [:]).sorted(by: { $0.key < $1.key }) {
                    hasher.combine(block)
                    hasher.combine(template.digest)
                }
                hasher.combine(overrides == nil)
                strings.append(name)
                var set = -1
                if let overrides {
                    overrideSets.append(overrides)
                    set = overrideSets.count - 1
                }
                ops.append(.partial(name: strings.count - 1, dynamic: dynamic, indentation: text(indentation), overrides: set))
            case .block(let name, let template, let indentation):
                hasher.combine(4)
                hasher.combine(name)
                hasher.combine(template.digest)
                hasher.combine(indentation)
                strings.append(name)
                children.append(template)
                ops.append(.block(name: strings.count - 1, child: children.count - 1, indentation: text(indentation)))
            case .blockDefinition:
                continue  // read by the parent that holds it, never rendered
            case .contentType(let escapesHTML):
                hasher.combine(5)
                hasher.combine(escapesHTML)
                ops.append(.contentType(escapesHTML: escapesHTML))
            }
        }
        self.ops = ops
        self.bytes = bytes
        self.names = names
        self.children = children
        self.strings = strings
        self.overrideSets = overrideSets
        digest = hasher.finalize()
    }

    /// A piece of a template as parsed.
    enum Node: Sendable {
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
        case variable(Name, escaped: Bool)
        /// `{{#name}}…{{/name}}`, or with `inverted` `{{^name}}…{{/name}}`.
        case section(Name, Template, inverted: Bool)
        /// `{{>name}}`, `{{>*name}}` (name read from the context), and `{{<parent}}…{{/parent}}`,
        /// which is a partial with block overrides. `indentation` is the whitespace before a tag that
        /// stood alone on its line, repeated at the start of every line the partial renders.
        case partial(String, dynamic: Bool, indentation: [UInt8], overrides: [String: Template]?)
        /// `{{$name}}default{{/name}}`: replaced by an override from an enclosing parent, if any.
        case block(String, Template, indentation: [UInt8])
        /// A block override, only inside `{{<parent}}`.
        case blockDefinition(String, Template)
        /// `{{% CONTENT_TYPE: TEXT }}` turns escaping off for the rest of the template, `HTML` on.
        case contentType(escapesHTML: Bool)
    }

    /// A name as written in a tag: `.`, `a.b.c`, `.a` (current item only), and transforms such as
    /// `last()` (of the list being iterated) or `uppercased(name)`.
    struct Name: Sendable, Equatable {
        enum Start: Sendable, Equatable {
            /// `.` (or an empty path): the innermost value.
            case current
            /// The first part is looked up through every enclosing context, innermost first.
            case stack
            /// Starts with a dot: only the innermost value is searched.
            case anchored
            /// Empty name with transforms: `first()`, `last()`, `index()`… of the list being iterated.
            case sequence
        }
        var start: Start
        var parts: [String]
        /// Applied last to first, as written: `a(b(x))` applies `b` then `a`.
        var transforms: [String]
        /// As written, for the closing tag check and messages.
        var text: String
    }
}
