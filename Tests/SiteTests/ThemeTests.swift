import Analytics
import Foundation
import Journal
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
    }

    @Test func aCopiedThemeWithoutANewTemplateStillBuilds() throws {
        // A theme copied before the work-search log and period pages existed: every template but those.
        var templates = EmbeddedTheme.templates
        templates["report"] = nil
        templates["period"] = nil
        templates["dashboard"] = templates["dashboard"].map { $0.replacingOccurrences(of: "<h1", with: "<h1 data-copied") }
        let theme = try Theme(name: "copied", templates: templates, assets: [:])
        #expect(theme.fallbacks == ["period", "report"])
        var config = SiteConfig()
        config.periods = [SearchPeriod(name: "Spring", from: try #require(CivilDate(iso: "2026-03-01")), to: nil)]
        let journal = JournalBuilder.build(files: [("a.md", "## Acme — Dev\n- 2026-03-02 applied\n")], config: config)
        let (site, _) = try SitePipeline.render(
            journal, theme: theme, options: BuildOptions(today: try #require(CivilDate(iso: "2026-03-10"))))
        #expect(
            String(decoding: site.files["index.html"] ?? [], as: UTF8.self).contains("<h1 data-copied"),
            "the theme's own template is used")
        #expect(String(decoding: site.files["report/index.html"] ?? [], as: UTF8.self).contains("Work-search log"))
        #expect(site.files["stats/spring/index.html"] != nil)
        #expect(
            site.notes.map(\.message).contains(
                "the theme has no 'report' template; the built-in one is used (copy it from the default theme to change it)"))
    }

    /// A figure reaches a theme straight from stats.json: a template can draw any of them with no
    /// line in Site (issue 10: a new figure needs Analytics, the template and a test).
    @Test func aTemplateDrawsAnyFigureOfStatsJSON() throws {
        var templates = EmbeddedTheme.templates
        templates["stats"] =
            "{{#figures}}applied={{funnel.applied}} responded={{funnel.responded}} today={{today}} silence={{#silence}}{{after_days}}:{{still_silent}};{{/silence}}{{/figures}}"
        let theme = try Theme(name: "figures", templates: templates, assets: [:])
        let journal = JournalLoader.load(content: SiteFixture.exampleContent)
        let (site, stats) = try SitePipeline.render(journal, theme: theme, options: BuildOptions(today: SiteFixture.today))
        let silence = stats.silence.map { "\($0.afterDays):\($0.stillSilent);" }.joined()
        #expect(
            site.text("stats/index.html")
                == "applied=\(stats.funnel.applied) responded=\(stats.funnel.responded) today=2026-11-20 silence=\(silence)")
        #expect(stats.funnel.applied > 0 && !stats.silence.isEmpty, "the example has figures to show")
    }
}
