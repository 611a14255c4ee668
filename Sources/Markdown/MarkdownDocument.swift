import CCmarkGFM
import Foundation
import Support

/// A Markdown text parsed by cmark-gfm, with source positions, kept alive while its nodes are walked.
///
/// The journal reader walks this tree instead of matching Markdown with patterns, so that lists,
/// code blocks, block quotes and headings mean exactly what CommonMark says they mean.
public final class MarkdownDocument {
    let root: OpaquePointer
    private let parser: OpaquePointer

    /// Parses `text` with source positions and the GitHub extensions attached (`structureOnly`:
    /// only those that shape blocks, tables and task lists, for readers that need the structure).
    public init(_ text: String, options: MarkdownOptions = MarkdownOptions(), structureOnly: Bool = false) {
        MarkdownExtensions.registerOnce()
        let parser: OpaquePointer = cmark_parser_new(options.cmarkFlags | CMARK_OPT_SOURCEPOS)
        let names = structureOnly ? MarkdownExtensions.structural : MarkdownExtensions.names
        MarkdownExtensions.attach(names, to: parser)
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
        // The structural extensions have no special characters, so a structure-only parse changes
        // nothing in that table and finishes on every core at once (the journal reader's case: it
        // reads text through `plainText`, which a text node split at a special character leaves
        // as it was).
        if structureOnly {
            root = cmark_parser_finish(parser)
        } else {
            root = MarkdownExtensions.inlineLock.withLock { cmark_parser_finish(parser) }
        }
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
    /// The extensions that shape blocks and register no inline special characters.
    static let structural = ["table", "tasklist"]
    private static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    static func registerOnce() {
        _ = registration
    }

    static func attach(_ names: [String], to parser: OpaquePointer) {
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
        let open = Array("<input type=\"checkbox\" ".utf8)
        guard occurrences(of: "<input type=\"checkbox\" ", in: html) > 0 else { return html }
        let checked = Array("checked=\"\" disabled=\"\" />".utf8)
        let unchecked = Array("disabled=\"\" />".utf8)
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var index = 0
        while index < bytes.count {
            if bytes[index] == open[0], bytes[index...].starts(with: open) {
                let rest = bytes[(index + open.count)...]
                if rest.starts(with: checked) {
                    out += open + Array("checked=\"\" disabled=\"\" aria-label=\"done\" />".utf8)
                    index += open.count + checked.count
                    continue
                }
                if rest.starts(with: unchecked) {
                    out += open + Array("disabled=\"\" aria-label=\"not done\" />".utf8)
                    index += open.count + unchecked.count
                    continue
                }
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Renders one line of inline Markdown (an event note) without the surrounding `<p>`.
    public static func inlineHTML(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> String {
        plainText(markdown) ?? parsedInlineHTML(markdown, options: options)
    }

    /// `inlineHTML` through cmark-gfm always (the fast path's reference).
    static func parsedInlineHTML(_ markdown: String, options: MarkdownOptions) -> String {
        var html = self.html(markdown, options: options)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>\n") && occurrences(of: "<p>", in: html) == 1 {
            html = String(html.dropFirst(3).dropLast(5))
        }
        return html.trimmingWhitespace
    }

    /// The HTML of a note that cmark-gfm would give back as plain text, or nil when the note might
    /// hold Markdown. Most notes are a few plain words ("they want to talk"); parsing each through
    /// cmark-gfm, whose inline parse runs under a process-wide lock, was a large part of a build.
    /// Plain means: one line starting with a letter or a digit that does not open a list; no
    /// character that starts Markdown, an entity, an HTML tag or an autolink (`* _ ` [ ] < > & \ ~ |
    /// ! @ :`, `www.`); no control character. cmark then writes the text as it is, with `"` as
    /// `&quot;` (a test compares the two ways on thousands of strings).
    static func plainText(_ text: String) -> String? {
        let bytes = text.utf8
        guard let head = bytes.first, isLetterOrDigit(head), bytes.last != UInt8(ascii: " ") else { return nil }
        var quotes = 0
        var leadingDigits = true
        var ws = 0  // how many w or W in a row, for "www."
        for byte in bytes {
            if leadingDigits && !(0x30...0x39).contains(byte) {
                leadingDigits = false
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") { return nil }  // "1. " opens a list
            }
            switch byte {
            case UInt8(ascii: "w"), UInt8(ascii: "W"): ws += 1
            case UInt8(ascii: "."):
                if ws >= 3 { return nil }
                ws = 0
            case UInt8(ascii: "\""):
                quotes += 1
                ws = 0
            case _ where isLetterOrDigit(byte) || byte >= 0x80: ws = 0
            case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "'"),
                UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "%"),
                UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "^"),
                UInt8(ascii: "{"), UInt8(ascii: "}"):
                ws = 0
            default: return nil
            }
        }
        guard quotes > 0 else { return text.trimmingWhitespace }
        var out = ""
        out.reserveCapacity(bytes.count + quotes * 5)
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out += "&quot;" } else { out.unicodeScalars.append(scalar) }
        }
        return out.trimmingWhitespace
    }

    @inline(__always) static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
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
