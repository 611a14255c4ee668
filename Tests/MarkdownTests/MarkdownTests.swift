import Testing

@testable import Markdown

@Suite struct MarkdownTests {
    @Test func rendersGitHubExtensions() {
        let html = MarkdownRenderer.html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ https://example.com\n\n- [x] done\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"https://example.com\">https://example.com</a>"))
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("aria-label=\"done\"") || html.contains("aria-label=\"not done\""), "task boxes have a name")
    }

    @Test func rawHTMLIsSuppressedUnlessUnsafe() {
        let text = "<script>alert(1)</script>\n\nHello <b>there</b>\n"
        let safe = MarkdownRenderer.html(text)
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("<b>"))
        let unsafe = MarkdownRenderer.html(text, options: MarkdownOptions(unsafeHTML: true))
        #expect(unsafe.contains("<b>there</b>"))
        #expect(!unsafe.contains("<script>"))  // the tag filter still applies
    }

    @Test func javascriptLinksAreNotLinks() {
        let html = MarkdownRenderer.inlineHTML("[x](javascript:alert(1))")
        #expect(!html.contains("javascript:"))
    }

    @Test func inlineRenderingDropsTheParagraph() {
        #expect(MarkdownRenderer.inlineHTML("a *b* c") == "a <em>b</em> c")
    }

    @Test func nodesCarrySourcePositions() {
        let document = MarkdownDocument("# Title\n\n- one\n- two\n")
        let blocks = document.rootNode.children
        #expect(blocks.map(\.kind) == [.heading, .list])
        #expect(blocks[0].headingLevel == 1)
        #expect(blocks[0].plainText == "Title")
        let items = blocks[1].children
        #expect(items.map(\.startLine) == [3, 4])
        #expect(items[0].firstChild?.startColumn == 3)
    }
}

/// cmark-gfm keeps the extensions' special characters in a process-wide table; many documents
/// parsed at once must still all see `~~` and tables.
@Suite struct MarkdownConcurrencyTests {
    @Test func concurrentParsesAllUseTheExtensions() async {
        let text = "Some ~~struck~~ text and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<400 { group.addTask { MarkdownRenderer.html(text) } }
            var all: [String] = []
            for await html in group { all.append(html) }
            return all
        }
        #expect(results.count == 400)
        #expect(results.allSatisfy { $0.contains("<del>struck</del>") && $0.contains("<table>") })
    }
}
