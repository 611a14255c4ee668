import Analytics
import Foundation
import Journal
import Mustache
import Templates
import Testing

@testable import Site

/// The site renders its templates with our compiled engine (Sources/Templates); the theme language
/// is swift-mustache's. Every page of the example, private and public, must come out of both
/// byte for byte.
@Suite struct TemplateEngineTests {
    /// The same value as the loosely typed dictionaries swift-mustache reads.
    static func loose(_ value: TemplateValue) -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let flag): return flag
        case .int(let number): return number
        case .double(let number): return number
        case .string(let text): return text
        case .array(let items): return items.map(loose)
        case .object(let members): return members.dictionary.mapValues(loose)
        }
    }

    @Test(arguments: [false, true])
    func everyPageRendersAsSwiftMustacheRendersIt(isPublic: Bool) throws {
        let loaded = JournalLoader.load(content: SiteFixture.exampleContent)
        let journal = isPublic ? PublicJournal.make(loaded) : loaded
        let options = BuildOptions(today: SiteFixture.today, includeDrafts: true, isPublic: isPublic)
        let model = SiteModel(journal: journal, stats: Analyzer.statistics(journal, today: SiteFixture.today), options: options)
        let theme = try Theme.embedded()
        var reference = MustacheLibrary()
        for (name, text) in EmbeddedTheme.templates { try reference.register(text, named: name) }
        let jobs = SitePages.jobs(model, salt: 0)
        #expect(jobs.count > 60)
        for job in jobs {
            let context = job.context()
            let ours = String(decoding: try theme.render(job.template, context), as: UTF8.self)
            let theirs = try #require(reference.render(Self.loose(context), withTemplate: job.template))
            #expect(ours == theirs, "\(job.path) differs")
        }
    }
}
