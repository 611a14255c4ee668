import Foundation
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

/// The plain-text fast path for notes gives exactly what cmark-gfm gives, or steps aside.
@Suite struct PlainNoteTests {
    @Test func theFastPathAgreesWithCmarkOnThousandsOfStrings() {
        let alphabet = Array("aZw7 .,;:?!'\"()-/%+=#$^{}*_`[]<>&\\~|@\u{A0}é—1\t")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_003)
        }
        var fast = 0
        let seeds = [
            "they want to talk", "1. first", "1) first", "2 people", "10:00 call", "see www.example.com", "a \"quote\"",
            "Mr. Roe (HR) - 50% less", "x ", "# not a heading", "e-mail me@x.com", "a  b", "wwW.x", "café — ok",
        ]
        var samples = seeds
        let safe = Array("abcwW XZ019 .,;?'\"()-/%+=#$^{}é\u{A0}—")
        for index in 0..<6000 {
            let letters = index % 2 == 0 ? alphabet : safe
            samples.append(String((0..<(1 + next() % 24)).map { _ in letters[next() % letters.count] }))
        }
        for text in samples {
            guard let plain = MarkdownRenderer.plainText(text) else { continue }
            fast += 1
            #expect(plain == MarkdownRenderer.parsedInlineHTML(text, options: MarkdownOptions()), "\(text.debugDescription)")
        }
        #expect(fast > 500, "the fast path is taken for plain notes")
        #expect(MarkdownRenderer.plainText("they want to talk") == "they want to talk")
        #expect(MarkdownRenderer.plainText("1. first") == nil && MarkdownRenderer.plainText("see www.example.com") == nil)
    }
}

@Suite struct TaskBoxTests {
    @Test func bothKindsOfTaskBoxAreLabelled() {
        let html = MarkdownRenderer.html("- [x] sent the note\n- [ ] follow up\n")
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" /> sent the note"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"not done\" /> follow up"))
        #expect(
            MarkdownRenderer.html("plain <b>text</b>")
                == MarkdownRenderer.labelTaskBoxes(MarkdownRenderer.html("plain <b>text</b>")))
    }
}

/// Structure-only parses (the journal reader's) finish without the inline lock: they must not
/// disturb documents with every extension rendering on other cores at the same moment.
@Suite struct ConcurrentParseTests {
    @Test func structureOnlyParsesLeaveOtherDocumentsAlone() {
        let article =
            "Some ~~struck~~ text, www.example.com and a table:\n\n| a | b \\| c |\n|---|---|\n| ~~1~~ | 2 |\n\n- [x] done\n"
        let journal = "## Acme — Dev\n- 2026-03-01 applied: ~~x~~ | y www.example.com\n- [ ] 2026-03-02 follow-up\n"
        let reference = MarkdownRenderer.html(article)
        let expectedText = plainTexts(journal)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let same = index % 2 == 0 ? MarkdownRenderer.html(article) == reference : plainTexts(journal) == expectedText
            if !same { failures.add() }
        }
        #expect(failures.count == 0, "\(failures.count) of 400 parses differed")
        #expect(reference.contains("<del>struck</del>") && reference.contains("<table>"))
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    func plainTexts(_ text: String) -> [String] {
        let document = MarkdownDocument(text, structureOnly: true)
        var out: [String] = []
        var stack = [document.rootNode]
        while let node = stack.popLast() {
            out.append(node.plainText)
            stack.append(contentsOf: node.children)
        }
        return out
    }
}
