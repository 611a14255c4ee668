import Analytics
import ArgumentParser
import Foundation
import Journal
import Site

/// `followup report`: the work-search log for a date range, to hand in.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the work-search log for a date range: a printable page, or CSV when the file ends in .csv.",
        discussion:
            "Without --output the page (or with --csv the CSV) is printed. An existing file is replaced only when it is a report this command wrote."
    )

    @OptionGroup var options: ContentOptions
    @Option(help: "The first day (YYYY-MM-DD, today, yesterday or a weekday).") var from: String?
    @Option(help: "The last day (default today).") var to: String?
    @Option(help: "The file to write (.html or .csv).") var output: String?
    @Flag(help: "Print CSV instead of HTML (when there is no --output).") var csv = false
    @Option(help: "The theme folder (the built-in default theme when it does not exist).") var theme: String = "Themes/default"

    func run() async throws {
        let journal = try options.loadJournal()
        if journal.hasErrors { throw ExitCode(1) }
        let today = options.day(for: journal)
        let first = try from.map { try parseDay($0, today: today) }
        let last = try to.map { try parseDay($0, today: today) }
        if let first, let last, last < first { throw usageError("--to (\(last)) is before --from (\(first))") }
        let stats = Analyzer.statistics(journal, today: today)
        let asCSV = output.map { $0.lowercased().hasSuffix(".csv") } ?? csv
        let bytes: [UInt8]
        if asCSV {
            bytes = Array(WorkSearchReport.csv(journal: journal, stats: stats, today: today, from: first, to: last).utf8)
        } else {
            var isDirectory: ObjCBool = false
            let folder = URL(fileURLWithPath: theme)
            let loaded =
                FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
                ? try Theme.load(folder: folder) : try Theme.embedded()
            bytes = try WorkSearchReport.html(journal: journal, stats: stats, theme: loaded, today: today, from: first, to: last)
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let url = URL(fileURLWithPath: output)
        if let existing = FileManager.default.contents(atPath: url.path) {
            let marker = Array((asCSV ? WorkSearchReport.csvHeader : WorkSearchReport.htmlMarker).utf8)
            guard Array(existing).starts(with: marker) else {
                throw usageError("\(output) exists and is not a report written by 'followup report'; choose another file")
            }
        }
        if url.pathExtension.lowercased() != "csv" && url.pathExtension.lowercased() != "html" {
            throw usageError("--output must end in .html or .csv")
        }
        do {
            try OutputWriter.atomicWrite(url, bytes)
        } catch {
            throw usageError("\(error)")
        }
        print("wrote \(output)")
    }
}
