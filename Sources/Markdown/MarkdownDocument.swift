import CCmarkGFM
import Foundation

/// A Markdown text parsed by cmark-gfm, with source positions, kept alive while its nodes are walked.
///
/// The journal reader walks this tree instead of matching Markdown with patterns, so that lists,
/// code blocks, block quotes and headings mean exactly what CommonMark says they mean.
public final class MarkdownDocument {
    let root: OpaquePointer
    private let parser: OpaquePointer

    /// Parses `text` with source positions and the GitHub extensions attached.
    public init(_ text: String, options: MarkdownOptions = MarkdownOptions()) {
        MarkdownExtensions.registerOnce()
        let parser: OpaquePointer = cmark_parser_new(options.cmarkFlags | CMARK_OPT_SOURCEPOS)
        MarkdownExtensions.attach(to: parser)
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        self.parser = parser
        // cmark-gfm 0.29 switches the extensions' special characters on and off in a process-wide
        // table around every inline parse (inside cmark_parser_finish). Two documents finishing at
        // once on different threads would see each other's table: `~~x~~` then renders as plain
        // text now and then. So finishing is serialised; block parsing and rendering stay parallel.
        root = MarkdownExtensions.inlineLock.withLock { cmark_parser_finish(parser) }
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The document node.
    public var rootNode: MarkdownNode { MarkdownNode(pointer: root, document: self) }

    /// Renders the whole document as HTML.
    public func html(options: MarkdownOptions = MarkdownOptions()) -> String {
        if let schemes = options.linkSchemes { restrictLinks(to: schemes) }
        guard let chars = cmark_render_html(root, options.cmarkFlags, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(chars) }
        return String(cString: chars)
    }
}

/// Rendering choices for cmark-gfm, in Followup's words.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML through (site.yml `unsafe_html: true`); the tag filter still removes the dangerous tags.
    public var unsafeHTML: Bool
    /// When set, links and images whose URL does not start with one of these schemes lose their URL
    /// (journal notes keep only `http:`, `https:` and `mailto:`).
    public var linkSchemes: [String]?

    public init(unsafeHTML: Bool = false, linkSchemes: [String]? = nil) {
        self.unsafeHTML = unsafeHTML
        self.linkSchemes = linkSchemes
    }

    /// The schemes a journal note may link to.
    public static let noteSchemes = ["http:", "https:", "mailto:"]

    var cmarkFlags: Int32 {
        // No CMARK_OPT_GITHUB_PRE_LANG: it writes a fence's info string (`swift`, `sh`) as `lang`,
        // which names a human language; `class="language-…"` on the code element is the HTML way.
        var flags = CMARK_OPT_DEFAULT
        if unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        return flags
    }
}

extension MarkdownDocument {
    /// Empties the URL of every link and image whose scheme is not allowed.
    func restrictLinks(to schemes: [String]) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let lower = url.trimmingCharacters(in: .whitespaces).lowercased()
            if !schemes.contains(where: { lower.hasPrefix($0) }) { cmark_node_set_url(node, "") }
        }
    }
}

/// The GitHub extensions, registered once per process (cmark-gfm's registry is global).
enum MarkdownExtensions {
    static let inlineLock = NSLock()
    static let names = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]
    private static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    static func registerOnce() {
        _ = registration
    }

    static func attach(to parser: OpaquePointer) {
        for name in names {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
    }
}

/// Renders Markdown to HTML in one call: articles, notes and event notes.
public enum MarkdownRenderer {
    /// Renders a block of Markdown (an article body, free notes).
    public static func html(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> String {
        labelTaskBoxes(MarkdownDocument(markdown, options: options).html(options: options))
    }

    /// Task-list boxes as cmark-gfm writes them have no accessible name: each says what it shows.
    static func labelTaskBoxes(_ html: String) -> String {
        guard html.contains("<input type=\"checkbox\"") else { return html }
        return html.replacingOccurrences(
            of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
            with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" />"
        ).replacingOccurrences(
            of: "<input type=\"checkbox\" disabled=\"\" />",
            with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"not done\" />")
    }

    /// Renders one line of inline Markdown (an event note) without the surrounding `<p>`.
    public static func inlineHTML(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> String {
        var html = self.html(markdown, options: options)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>\n") && occurrences(of: "<p>", in: html) == 1 {
            html = String(html.dropFirst(3).dropLast(5))
        }
        return html.trimmingWhitespace
    }

    static func occurrences(of needle: StaticString, in text: String) -> Int {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var count = 0
        var bytes = Array(text.utf8)[...]
        while let start = bytes.firstIndex(of: pattern[0]) {
            if bytes[start...].starts(with: pattern) { count += 1 }
            bytes = bytes[(start + 1)...]
        }
        return count
    }
}

extension StringProtocol {
    /// Without leading and trailing Unicode whitespace (spaces, tabs, line breaks, no-break spaces):
    /// what `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without Foundation's bridging,
    /// which was most of the cost of trimming a short note.
    public var trimmingWhitespace: String {
        // Most values start and end with a visible ASCII character: nothing to trim.
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return text
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }
}
