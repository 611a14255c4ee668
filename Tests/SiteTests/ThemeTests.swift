import Foundation
import Testing

@testable import Site

/// The built-in theme is the Themes/default folder, and every template fills its slots.
@Suite struct ThemeTests {
    @Test func embeddedThemeMatchesThemesDefault() throws {
        let folder = SiteFixture.packageRoot.appendingPathComponent("Themes/default")
        let files = Theme.files(below: folder.appendingPathComponent("templates"))
        var onDisk: [String: String] = [:]
        for (path, url) in files where path.hasSuffix(".mustache") {
            onDisk[String(path.dropLast(9))] = try String(contentsOf: url, encoding: .utf8)
        }
        #expect(onDisk == EmbeddedTheme.templates, "run ./dev theme to refresh Sources/Site/EmbeddedTheme.swift")
        var assets: [String: String] = [:]
        for (path, url) in Theme.files(below: folder.appendingPathComponent("assets")) {
            assets[path] = try String(contentsOf: url, encoding: .utf8)
        }
        #expect(assets == EmbeddedTheme.assets, "run ./dev theme to refresh Sources/Site/EmbeddedTheme.swift")
    }

    @Test func everyPageHasItsFrameFilled() throws {
        let (site, _, _) = try SiteFixture.example()
        for (path, bytes) in site.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(html.hasPrefix("<!DOCTYPE html>"), "\(path)")
            #expect(!html.contains("<title> ·") && !html.contains("<title></title>"), "\(path): empty title")
            #expect(html.contains("<h1"), "\(path): no heading")
            #expect(!html.contains("{{") && !html.contains("}}"), "\(path): unrendered Mustache")
            #expect(!html.contains("href=\"\""), "\(path): empty link")
            #expect(html.contains("assets/style.css\""), "\(path)")
        }
    }

    @Test func aBrokenTemplateIsReportedWithItsName() {
        do {
            _ = try Theme(name: "bad", templates: ["layout": "<html>\n  {{#open}}\n</html>"], assets: [:])
            Issue.record("an unclosed section was accepted")
        } catch {
            #expect("\(error)" == "bad/templates/layout.mustache:2:3: error: section 'open' is never closed")
        }
        do {
            _ = try Theme(name: "partial", templates: ["layout": "ok"], assets: [:])
            Issue.record("a theme without page templates was accepted")
        } catch {
            #expect("\(error)".contains("has no 'dashboard' template"))
        }
    }
}
