import Analytics
import Foundation
import Journal

/// The one way a site is built: read and check the journal, compute every figure, render, and
/// commit to Output, or leave Output untouched at the first problem. The CLI's build and serve,
/// the benchmark (through the CLI) and the test fixtures all come through here, and public builds
/// are anonymised here, so no caller can publish private data by forgetting a step.
public enum SitePipeline {
    /// Reads `request.content`, renders with its theme and writes `request.output`.
    public static func build(_ request: BuildRequest, caches: BuildCaches? = nil, hooks: BuildHooks = BuildHooks())
        -> BuildResult
    {
        if let refusal = OutputWriter.refusal(output: request.output, content: request.content, theme: request.theme) {
            return BuildResult(diagnostics: [], failure: .refusedOutput(.error(nil, refusal)))
        }
        hooks.step(.reading)
        let journal = JournalLoader.load(content: request.content, cache: caches?.parsed)
        hooks.step(.computing)
        let errors = journal.diagnostics.filter(\.isError).count
        if errors > 0 { return BuildResult(diagnostics: journal.diagnostics, failure: .contentErrors(count: errors)) }
        var result = BuildResult(diagnostics: journal.diagnostics)
        let theme: Theme
        do {
            theme = try Theme.resolve(request.theme)
        } catch {
            result.failure = failure(error)
            return result
        }
        let options = BuildOptions(
            today: request.today ?? journal.config.today(), baseURL: request.baseURL, includeDrafts: request.includeDrafts,
            isPublic: request.isPublic)
        var writer = OutputWriter(output: request.output)
        hooks.prepareWriter(&writer)
        let staging: Staging
        do {
            // The first build of a session scans Output; later ones know it (they wrote it).
            staging = try writer.stage(scan: (caches?.rendered.committed ?? 0) == 0)
        } catch {
            result.failure = failure(error)
            return result
        }
        do {
            // Files go into Output's staging folder as they are rendered (so they do not wait in
            // memory) and are moved into place only once the whole site is made.
            let (rendered, _) = try render(
                journal, theme: theme, options: options, cache: caches?.rendered, sink: staging, hooks: hooks)
            hooks.rendered()
            hooks.step(.writing)
            result.report = try writer.commit(staging)
            result.notes = rendered.notes
            result.fileCount = rendered.fileCount
            caches?.rendered.commit()
            hooks.step(.finished)
        } catch {
            staging.discard()
            caches?.rendered.discard()
            result.failure = failure(error)
        }
        return result
    }

    /// The journal as a build of these options shows it (anonymised for a public build) and its
    /// figures: what `stats` prints and what every page draws.
    public static func figures(_ journal: Journal, today: CivilDate, isPublic: Bool, cache: FactsCache? = nil)
        -> (Journal, Statistics)
    {
        let visible = isPublic ? PublicJournal.make(journal) : journal
        return (visible, Analyzer.statistics(visible, today: today, cache: cache))
    }

    /// Renders a whole site from a journal, in memory or into `sink`: the pipeline's middle, for
    /// `build` and for tests that look at pages without touching a disk.
    public static func render(
        _ journal: Journal, theme: Theme, options: BuildOptions, cache: RenderCache? = nil, sink: PageSink? = nil,
        hooks: BuildHooks = BuildHooks()
    ) throws -> (RenderedSite, Statistics) {
        let (visible, stats) = figures(journal, today: options.today, isPublic: options.isPublic, cache: cache?.facts)
        hooks.step(.rendering(applications: visible.applications.count, articles: visible.articles.count))
        var site = try SiteBuilder.build(
            journal: visible, stats: stats, theme: theme, options: options, cache: cache, sink: sink)
        if options.isPublic {
            var published = journal
            published.articles = journal.articles.filter { options.includeDrafts || !$0.isDraft }
            site.notes = PublicJournal.articleWarnings(published) + site.notes
        }
        return (site, stats)
    }

    /// A thrown error as the failure it is.
    static func failure(_ error: Error) -> BuildFailure {
        switch error {
        case let error as Theme.LoadError: return .theme(error.diagnostic)
        case let error as OutputWriter.Refusal: return .refusedOutput(.error(nil, error.description))
        case let error as OutputWriter.CommitFailure: return .io(.error(nil, error.description), outputChanged: !error.restored)
        default: return .io(.error(nil, "\(error)"), outputChanged: false)
        }
    }
}
