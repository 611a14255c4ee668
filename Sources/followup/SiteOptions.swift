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

    /// The pipeline's request for these options.
    func request(_ content: ContentOptions) -> BuildRequest {
        BuildRequest(
            content: content.contentURL, theme: URL(fileURLWithPath: theme), output: URL(fileURLWithPath: output),
            today: content.today.flatMap(CivilDate.init(iso:)), baseURL: baseURL, includeDrafts: drafts, isPublic: `public`)
    }

    /// One build through the library's pipeline, with the CLI's progress line, FOLLOWUP_TIMING's
    /// phase times and the fault tests' pause points; diagnostics printed unless asked not to.
    func attempt(_ content: ContentOptions, printDiagnostics shouldPrint: Bool = true, caches: BuildCaches? = nil)
        -> BuildResult
    {
        let timing = Timing(
            enabled: ProcessInfo.processInfo.environment["FOLLOWUP_TIMING"] != nil,
            progress: !quiet && caches == nil && isatty(STDERR_FILENO) != 0)
        var hooks = BuildHooks()
        hooks.step = { step in
            switch step {
            case .reading: timing.say("reading \(content.content)…")
            case .computing: timing.mark("read journal")
            case .rendering(let applications, let articles):
                timing.mark("statistics")
                timing.say("rendering \(applications) applications and \(articles) articles…")
            case .writing:
                timing.mark("render")
                timing.say("writing \(output)…")
            case .finished:
                timing.mark("write")
                timing.say(nil)
            }
        }
        hooks.prepareWriter = { FaultPoints.install(on: &$0) }
        hooks.rendered = FaultPoints.rendered
        let result = SitePipeline.build(request(content), caches: caches, hooks: hooks)
        timing.say(nil)
        if shouldPrint { printDiagnostics(result.diagnostics) }
        return result
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
            var text = failure.diagnostic.map { $0.rendered + "\n" } ?? ""
            text += failure.outputChanged ? "Output was partly changed.\n" : "Output was not changed.\n"
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(1)
        }
        let report = outcome.report ?? OutputWriter.Report()
        let rendered = (notes: outcome.notes, count: outcome.fileCount)
        let talk = !quiet && (verbose || isatty(STDOUT_FILENO) != 0)
        if !quiet {
            for note in rendered.notes { FileHandle.standardError.write(Data("\(note.rendered)\n".utf8)) }
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
