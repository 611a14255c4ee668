/// One compiled template: the nodes its Mustache text parses into, ready to render many times.
///
/// Text is kept as UTF-8 bytes so rendering appends bytes to one buffer and never builds
/// intermediate strings.
public final class Template: Sendable {
    let nodes: [Node]

    init(_ nodes: [Node]) { self.nodes = nodes }

    /// A piece of a template.
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
