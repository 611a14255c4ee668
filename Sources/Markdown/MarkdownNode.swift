import CCmarkGFM

/// One node of a parsed document: its kind, position and children.
///
/// Valid only while its document lives (it holds the document to make sure of that).
public struct MarkdownNode {
    let pointer: OpaquePointer
    let document: MarkdownDocument

    /// The kinds of node the journal reader tells apart; everything else is `.other`.
    public enum Kind: Equatable, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        case other
    }

    public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: return .other
        }
    }

    /// Heading level (1–6), or 0 for other nodes.
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// First line of the node in the text given to the parser (1-based).
    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    /// First column of the node, in UTF-8 bytes (1-based).
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    /// Last line of the node.
    public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    /// The literal text of text and code nodes.
    public var literal: String? {
        guard let chars = cmark_node_get_literal(pointer) else { return nil }
        return String(cString: chars)
    }

    public var firstChild: MarkdownNode? {
        cmark_node_first_child(pointer).map { MarkdownNode(pointer: $0, document: document) }
    }

    public var next: MarkdownNode? {
        cmark_node_next(pointer).map { MarkdownNode(pointer: $0, document: document) }
    }

    /// The direct children, in order.
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// The text a reader sees: inline markup removed (raw inline HTML kept as the text it was written as),
    /// line breaks as spaces.
    /// Walks with an explicit stack so that hostile nesting cannot exhaust the call stack.
    public var plainText: String {
        var out = ""
        var stack: [MarkdownNode] = [self]
        while let node = stack.popLast() {
            switch node.kind {
            case .text, .code, .htmlInline: out += node.literal ?? ""
            case .softBreak, .lineBreak: out += " "
            default: break
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return out
    }
}
