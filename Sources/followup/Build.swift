import ArgumentParser
import Journal

/// `followup build`: parse, compute and render the whole site.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Parse, compute and render the whole site into Output.")

    @OptionGroup var options: ContentOptions

    func run() async throws {
        let journal = try options.loadJournal()
        if journal.hasErrors { throw ExitCode(1) }
    }
}
