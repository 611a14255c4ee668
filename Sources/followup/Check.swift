import ArgumentParser
import Journal

/// `followup check`: parse and validate only.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse and validate the journal; print diagnostics as path:line:col: severity: message.")

    @OptionGroup var options: ContentOptions

    func run() async throws {
        let journal = try options.loadJournal()
        if journal.hasErrors { throw ExitCode(1) }
        print("ok: \(journal.applications.count) applications, \(journal.articles.count) articles")
    }
}
