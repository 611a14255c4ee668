import Analytics
import ArgumentParser
import Foundation
import Journal
import Site

/// The options every command that renders the site shares (build, serve).
struct SiteOptions: ParsableArguments {
    @Option(help: "The theme folder (the built-in default theme when it does not exist).")
    var theme: String = "Themes/default"

    @Option(help: "Where to write the site.")
    var output: String = "Output"

    @Option(help: "The URL the site is served from (for sitemap.xml and feed.xml; links stay relative).")
    var baseURL: String?

    @Flag(help: "Include articles marked draft.")
    var drafts = false

    @Flag(help: "Leave out private applications, pseudonymise companies and drop personal details.")
    var `public` = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print what was written.")
    var verbose = false

    /// What one build attempt gave: its diagnostics, and the write report when it got that far.
    struct Outcome {
        var diagnostics: [Diagnostic]
        /// Why nothing was written (content errors, a broken theme, a refused write), or nil.
        var failure: String?
        var report: OutputWriter.Report?
        var notes: [String] = []
        var fileCount = 0
        /// A commit failed half way and could not be undone: Output is not as it was.
        var outputChanged = false
    }

    /// Parses, computes, renders and writes, or leaves Output untouched at the first problem.
    func attempt(_ content: ContentOptions, printDiagnostics shouldPrint: Bool = true, caches: BuildCaches? = nil) -> Outcome {
        let timing = Timing(
            enabled: ProcessInfo.processInfo.environment["FOLLOWUP_TIMING"] != nil,
            progress: !quiet && caches == nil && isatty(STDERR_FILENO) != 0)
        timing.say("reading \(content.content)…")
        var journal = JournalLoader.load(content: content.contentURL, cache: caches?.parsed)
        timing.mark("read journal")
        timing.say(nil)
        if shouldPrint { printDiagnostics(journal.diagnostics) }
        if journal.hasErrors {
            return Outcome(diagnostics: journal.diagnostics, failure: "the journal has errors")
        }
        let outputURL = URL(fileURLWithPath: output)
        let themeURL = URL(fileURLWithPath: theme)
        let loadedTheme: Theme
        do {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: themeURL.path, isDirectory: &isDirectory), isDirectory.boolValue {
                loadedTheme = try Theme.load(folder: themeURL)
            } else {
                loadedTheme = try Theme.embedded()
            }
            if `public` { journal = PublicJournal.make(journal) }
            let today = content.day(for: journal)
            let stats = Analyzer.statistics(journal, today: today)
            timing.mark("statistics")
            timing.say("rendering \(journal.applications.count) applications and \(journal.articles.count) articles…")
            var writer = OutputWriter(output: outputURL)
            FaultPoints.install(on: &writer)
            // Files go into Output's staging folder as they are rendered (so they do not wait in
            // memory) and are moved into place only once the whole site is made.
            let staging = try writer.stage()
            let rendered: RenderedSite
            let report: OutputWriter.Report
            do {
                rendered = try SiteBuilder.build(
                    journal: journal, stats: stats, theme: loadedTheme,
                    options: BuildOptions(today: today, baseURL: baseURL, includeDrafts: drafts, isPublic: `public`),
                    cache: caches?.rendered, sink: staging)
                timing.mark("render")
                FaultPoints.rendered()
                timing.say("writing \(output)…")
                report = try writer.commit(staging)
            } catch {
                staging.discard()
                caches?.rendered.discard()
                throw error
            }
            caches?.rendered.commit()
            timing.mark("write")
            timing.say(nil)
            return Outcome(
                diagnostics: journal.diagnostics, report: report, notes: rendered.notes, fileCount: rendered.fileCount)
        } catch {
            timing.say(nil)
            caches?.rendered.discard()
            var outcome = Outcome(diagnostics: journal.diagnostics, failure: "\(error)")
            outcome.outputChanged = (error as? OutputWriter.CommitFailure)?.restored == false
            return outcome
        }
    }

    /// Checks that the options make sense before anything is read.
    func validate(_ content: ContentOptions) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.contentURL.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ValidationError("no Content folder at '\(content.content)' (use --content PATH, or run 'followup init')")
        }
        if let refusal = OutputWriter.refusal(
            output: URL(fileURLWithPath: output), content: content.contentURL, theme: URL(fileURLWithPath: theme))
        {
            throw ValidationError(refusal)
        }
    }

    /// Builds and writes the site; content errors exit 1 and leave Output untouched.
    func build(_ content: ContentOptions) throws -> OutputWriter.Report {
        let started = Date()
        try validate(content)
        let outcome = attempt(content)
        if let failure = outcome.failure {
            // Theme errors already read `file:line:col: error: …`; other failures get the prefix.
            let located = failure.hasPrefix("error: ") || failure.contains(": error: ")
            let detail = failure == "the journal has errors" ? "" : located ? failure + "\n" : "error: \(failure)\n"
            let state = outcome.outputChanged ? "Output was partly changed.\n" : "Output was not changed.\n"
            FileHandle.standardError.write(Data((detail + state).utf8))
            throw ExitCode(1)
        }
        let report = outcome.report ?? OutputWriter.Report()
        let rendered = (notes: outcome.notes, count: outcome.fileCount)
        let talk = !quiet && (verbose || isatty(STDOUT_FILENO) != 0)
        if !quiet {
            for note in rendered.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
            for path in report.foreign {
                FileHandle.standardError.write(Data("note: \(output)/\(path) was not written by Followup; left alone\n".utf8))
            }
        }
        if verbose { for path in report.written { print("wrote \(output)/\(path)") } }
        if talk {
            let seconds = Date().timeIntervalSince(started)
            print(
                "Built \(rendered.count) files in \(String(format: "%.2f", seconds)) s: \(report.written.count) written, \(report.unchanged) unchanged, \(report.removed.count) removed → \(output)/index.html"
            )
        }
        return report
    }
}
