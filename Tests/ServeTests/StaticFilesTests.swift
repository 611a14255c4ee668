import Foundation
import Support
import Testing

@testable import Serve

@Suite struct StaticFilesTests {
    let root: URL
    let outside: URL

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("followup-serve-\(UUID().uuidString)")
        root = base.appendingPathComponent("Output")
        outside = base.appendingPathComponent("secret")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("applications/a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("home".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("a".utf8).write(to: root.appendingPathComponent("applications/a/index.html"))
        try Data("top secret".utf8).write(to: outside.appendingPathComponent("key.txt"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("escape"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("leak.txt"), withDestinationURL: outside.appendingPathComponent("key.txt"))
    }

    @Test func servesFilesAndFolderIndexes() {
        let files = StaticFiles(root: root, prefix: "/")
        #expect(files.resolve("/") == .file(root.appendingPathComponent("index.html")))
        #expect(files.resolve("/applications/a/") == .file(root.appendingPathComponent("applications/a/index.html")))
        #expect(files.resolve("/applications/a") == .redirect("/applications/a/"))
        #expect(files.resolve("/index.html?x=1") == .file(root.appendingPathComponent("index.html")))
        #expect(files.resolve("/missing.html") == .notFound)
        #expect(files.resolve("/index.html/") == .notFound, "a file is not a folder")
        #expect(files.resolve("/applications/a/index.html/") == .notFound)
    }

    @Test func theBuildsOwnFilesAreNotServed() throws {
        try Data("file\tindex.html\n".utf8).write(to: root.appendingPathComponent(".followup-manifest"))
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(".followup-staging/applications/b"), withIntermediateDirectories: true)
        try Data("unpublished".utf8).write(to: root.appendingPathComponent(".followup-staging/applications/b/index.html"))
        try Data("half".utf8).write(to: root.appendingPathComponent("applications/a/.index.html.followup-tmp"))
        let files = StaticFiles(root: root, prefix: "/")
        for path in [
            "/.followup-manifest", "/.followup-staging/applications/b/", "/.followup-staging/applications/b/index.html",
            "/%2Efollowup-manifest", "/applications/a/.index.html.followup-tmp",
        ] {
            #expect(files.resolve(path) == .notFound, "\(path)")
        }
        #expect(files.resolve("/applications/a/") == .file(root.appendingPathComponent("applications/a/index.html")))
    }

    @Test func refusesTraversalInEverySpelling() {
        let files = StaticFiles(root: root, prefix: "/")
        for path in [
            "/../secret/key.txt", "/applications/../../secret/key.txt", "/%2e%2e/secret/key.txt", "/%2E%2E%2Fsecret%2Fkey.txt",
            "/%252e%252e/secret/key.txt", "/..%5csecret", "/a%00b", "/%2fetc%2fpasswd", "/./index.html",
        ] {
            #expect(files.resolve(path) == .forbidden, "\(path)")
        }
        #expect(files.resolve("/" + String(repeating: "a/", count: 3000)) == .forbidden)
        for absolute in ["http://example.com/../secret/key.txt", "file:///etc/passwd", "//evil.example/index.html"] {
            #expect([.notFound, .forbidden].contains(files.resolve(absolute)), "\(absolute)")
        }
    }

    @Test func symlinksOutOfOutputAreRefused() {
        let files = StaticFiles(root: root, prefix: "/")
        #expect(files.resolve("/escape/key.txt") == .forbidden)
        #expect(files.resolve("/leak.txt") == .forbidden)
    }

    @Test func servesUnderASubPath() {
        let files = StaticFiles(root: root, prefix: "/sub")
        #expect(files.prefix == "/sub/")
        #expect(files.resolve("/sub/") == .file(root.appendingPathComponent("index.html")))
        #expect(files.resolve("/sub") == .redirect("/sub/"))
        #expect(files.resolve("/") == .redirect("/sub/"))
        #expect(files.resolve("/index.html") == .notFound)
        #expect(files.resolve("/sub/../sub/index.html") == .forbidden)
    }

    @Test func contentTypes() {
        #expect(StaticFiles.contentType(for: URL(fileURLWithPath: "a/index.html")) == "text/html; charset=utf-8")
        #expect(StaticFiles.contentType(for: URL(fileURLWithPath: "feed.xml")) == "application/atom+xml; charset=utf-8")
        #expect(StaticFiles.contentType(for: URL(fileURLWithPath: "calendar.ics")) == "text/calendar; charset=utf-8")
        #expect(StaticFiles.contentType(for: URL(fileURLWithPath: "x.css")) == "text/css; charset=utf-8")
    }

    @Test func reloadScriptIsInjectedBeforeTheBodyEnds() {
        let page = Data("<html><body><p>x</p></body></html>".utf8)
        let served = String(decoding: DevServer.inject(page, prefix: "/sub/"), as: UTF8.self)
        #expect(
            served == "<html><body><p>x</p><script src=\"/sub/__followup/reload.js\" data-base=\"/sub/\"></script></body></html>")
    }

    @Test func hubSendsTheCurrentStateThenChanges() async throws {
        let hub = ReloadHub()
        await hub.publish(SiteState(version: 3, diagnostics: [], hasErrors: false))
        var iterator = await hub.subscribe().makeAsyncIterator()
        _ = await iterator.next()  // retry line
        let first = String(decoding: await iterator.next() ?? [], as: UTF8.self)
        #expect(first == "event: state\ndata: {\"diagnostics\":[],\"hasErrors\":false,\"version\":3}\n\n")
        let bad = Diagnostic.error(SourceLocation(file: "a.md", line: 1, column: 2), "<bad> \"x\"", hint: "try y")
        await hub.publish(SiteState(version: 3, diagnostics: [bad], hasErrors: true))
        let second = String(decoding: await iterator.next() ?? [], as: UTF8.self)
        #expect(second.hasPrefix("event: state\ndata: {") && second.hasSuffix("}\n\n"))
        let json = second.dropFirst("event: state\ndata: ".count).dropLast(2)
        let decoded = try JSONDecoder().decode(SiteState.self, from: Data(json.utf8))
        #expect(decoded == SiteState(version: 3, diagnostics: [bad], hasErrors: true), "the values survive the trip")
    }

    @Test func errorsPageEscapesAndListsEachDiagnostic() {
        let state = SiteState(
            version: 1,
            diagnostics: [
                .error(SourceLocation(file: "Content/journal/a.md", line: 12, column: 3), "invalid date '<2026>'"),
                .warning(nil, "no file: a:b:c: d", hint: "<h>", fix: "- 2026-01-02 applied"),
            ], hasErrors: true)
        let html = ErrorsPage.html(state, prefix: "/")
        #expect(
            html.contains("<tr class=\"error\"><td>Content/journal/a.md</td><td class=\"num\">12</td><td class=\"num\">3</td>"))
        #expect(html.contains("invalid date &#39;&lt;2026&gt;&#39;"))
        // A message with colons in it stays one message: nothing splits text to find the parts.
        #expect(
            html.contains(
                "<td colspan=\"3\">(no file)</td><td>warning</td><td>no file: a:b:c: d<br><small>hint: &lt;h&gt;</small>"))
        #expect(html.contains("fix: <code>- 2026-01-02 applied</code>"))
    }
}
