import ArgumentParser
import Foundation
import Journal

/// Where the content is and what day it is: shared by every command that reads the journal.
struct ContentOptions: ParsableArguments {
    @Option(help: "The Content folder (site.yml, journal/, articles/).")
    var content: String = "Content"

    @Option(help: "Compute as of this date (YYYY-MM-DD) instead of today in the site's time zone.")
    var today: String?

    func validate() throws {
        if let today, CivilDate(iso: today) == nil {
            throw ValidationError("--today must be a real date in the form YYYY-MM-DD, not '\(today)'")
        }
    }

    var contentURL: URL { URL(fileURLWithPath: content) }

    /// Loads the journal and prints its diagnostics to standard error.
    func loadJournal() throws -> Journal {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentURL.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ValidationError("no Content folder at '\(content)' (use --content PATH, or run 'followup init')")
        }
        let journal = JournalLoader.load(content: contentURL)
        printDiagnostics(journal.diagnostics)
        return journal
    }

    func day(for journal: Journal) -> CivilDate { day(forConfig: journal.config) }

    func day(forConfig config: SiteConfig) -> CivilDate {
        today.flatMap { CivilDate(iso: $0) } ?? config.today()
    }
}

/// Prints diagnostics compiler style on standard error.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    var text = diagnostics.map(\.rendered).joined(separator: "\n") + "\n"
    let errors = diagnostics.filter(\.isError).count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    text += "\(counted(errors, "error")), \(counted(warnings, "warning"))\n"
    FileHandle.standardError.write(Data(text.utf8))
}
