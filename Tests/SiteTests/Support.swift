import Analytics
import Foundation
import Journal

@testable import Site

/// Builds a site in memory from a Content folder or from journal texts.
enum SiteFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let exampleContent = packageRoot.appendingPathComponent("Content")
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

/// A temporary folder removed when released.
final class Scratch {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("followup-site-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    /// Every file below `folder` with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return result }
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[String(url.standardizedFileURL.path.dropFirst(base.count))] = FileManager.default.contents(
                    atPath: url.path)
            }
        }
        return result
    }
}
