import Analytics
import Foundation
import Journal
import TestSupport

@testable import Site

/// Builds a site in memory from a Content folder or from journal texts.
enum SiteFixture {
    static let packageRoot = TestPaths.packageRoot
    static let exampleContent = TestPaths.exampleContent
    static let today = CivilDate(iso: "2026-11-20")!

    static func render(
        _ journal: Journal, today: CivilDate = today, isPublic: Bool = false, drafts: Bool = false, cache: RenderCache? = nil
    ) throws -> (RenderedSite, Statistics) {
        try SitePipeline.render(
            journal, theme: try Theme.embedded(), options: BuildOptions(today: today, includeDrafts: drafts, isPublic: isPublic),
            cache: cache)
    }

    static func example(isPublic: Bool = false) throws -> (RenderedSite, Statistics, Journal) {
        let journal = JournalLoader.load(content: exampleContent)
        let (site, stats) = try render(journal, isPublic: isPublic)
        return (site, stats, journal)
    }
}

extension RenderedSite {
    func text(_ path: String) -> String {
        String(decoding: files[path] ?? [], as: UTF8.self)
    }
}
