import Analytics
import ArgumentParser
import Journal
import Site

/// `followup stats`: the figures in the terminal, or stats.json on standard output.
struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the statistics: a readable table, or stats.json with --json.")

    @OptionGroup var options: ContentOptions

    @Flag(help: "Print stats.json (the schema of docs/statistics.md) instead of a table.")
    var json = false

    @Flag(help: "As a public build: private applications left out, companies pseudonymised.")
    var `public` = false

    func run() async throws {
        let journal = try options.loadJournal()
        if journal.hasErrors { throw ExitCode(1) }
        let (_, stats) = SitePipeline.figures(journal, today: options.day(for: journal), isPublic: `public`)
        if json {
            print(StatsJSON.value(stats).serialized(pretty: true), terminator: "")
        } else {
            print(StatsTable.render(stats), terminator: "")
        }
    }
}
