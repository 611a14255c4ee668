import Analytics
import ArgumentParser
import Foundation
import Journal
import Site

/// `followup build`: parse, compute and render the whole site, then write what changed.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Parse, compute and render the whole site into Output.")

    @OptionGroup var options: ContentOptions
    @OptionGroup var site: SiteOptions

    func run() async throws {
        _ = try site.build(options)
    }
}

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

    /// Builds and writes the site; content errors exit 1 and leave Output untouched.
    func build(_ content: ContentOptions) throws -> OutputWriter.Report {
        let started = Date()
        var journal = try content.loadJournal()
        if journal.hasErrors {
            FileHandle.standardError.write(Data("Output was not changed.\n".utf8))
            throw ExitCode(1)
        }
        let outputURL = URL(fileURLWithPath: output)
        let themeURL = URL(fileURLWithPath: theme)
        if let refusal = OutputWriter.refusal(output: outputURL, content: content.contentURL, theme: themeURL) {
            throw ValidationError(refusal)
        }
        let loadedTheme: Theme
        do {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: themeURL.path, isDirectory: &isDirectory), isDirectory.boolValue {
                loadedTheme = try Theme.load(folder: themeURL)
            } else {
                loadedTheme = try Theme.embedded()
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\nOutput was not changed.\n".utf8))
            throw ExitCode(1)
        }
        if `public` { journal = PublicJournal.make(journal) }
        let today = content.day(for: journal)
        let stats = Analyzer.statistics(journal, today: today)
        let rendered = try SiteBuilder.build(
            journal: journal, stats: stats, theme: loadedTheme,
            options: BuildOptions(today: today, baseURL: baseURL, includeDrafts: drafts, isPublic: `public`))
        let report: OutputWriter.Report
        do {
            report = try OutputWriter(output: outputURL).write(rendered)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
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
                "Built \(rendered.files.count) files in \(String(format: "%.2f", seconds)) s: \(report.written.count) written, \(report.unchanged) unchanged, \(report.removed.count) removed → \(output)/index.html"
            )
        }
        return report
    }
}
