import ArgumentParser
import Foundation
import Import
import Journal

/// `followup import FILE...`: an existing search from spreadsheets, trackers' CSV exports or
/// LinkedIn's `Job Applications.csv`, as one new journal file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import applications from CSV files (a spreadsheet, a tracker's export, LinkedIn's Job Applications.csv).",
        discussion:
            "Writes one new file, Content/journal/import-NAME.md (or --into), and never overwrites one. Cells without a full date become no event: they are named by row and column and kept in the notes."
    )

    @OptionGroup var options: ContentOptions
    @Argument(help: "The CSV files.") var files: [String]
    @Option(name: .customLong("map"), help: "COLUMN=FIELD: what a column holds (a field, an event kind or ignore).")
    var maps: [String] = []
    @Option(help: "The journal file to write (default Content/journal/import-NAME.md).") var into: String?
    @Option(help: "How 3/4/2026 is read: month-first or day-first (default site.yml date_order).") var dateOrder: String?
    @Flag(help: "Print the journal file instead of writing it.") var dryRun = false

    func run() async throws {
        let journal = JournalLoader.load(content: options.contentURL)
        var settings = Importer.Options()
        settings.dayFirst = journal.config.dayFirst
        switch dateOrder {
        case nil: break
        case "day-first": settings.dayFirst = true
        case "month-first": settings.dayFirst = false
        case let other?: throw usageError("--date-order must be month-first or day-first, not '\(other)'")
        }
        for map in maps {
            if let problem = settings.map(map) { throw usageError(problem) }
        }
        var tables: [CSVTable] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { throw usageError("cannot read \(file)") }
            do {
                tables.append(try CSVTable.read(data, file: file))
            } catch {
                throw usageError("\(error)")
            }
        }
        let names = files.map { ($0 as NSString).lastPathComponent }
        let result = Importer.run(
            tables, existing: journal.applications, options: settings, title: "Imported from " + names.joined(separator: ", "))
        let stem = Slug.make(((names.first ?? "import") as NSString).deletingPathExtension, fallback: "csv")
        let target =
            into.map { URL(fileURLWithPath: $0) }
            ?? options.contentURL.appendingPathComponent("journal/import-\(stem).md")
        printDiagnostics(result.warnings)
        if !result.unmapped.isEmpty {
            FileHandle.standardError.write(
                Data("note: columns not imported: \(result.unmapped.joined(separator: ", ")) (use --map COLUMN=FIELD)\n".utf8))
        }
        for title in result.alreadyThere {
            FileHandle.standardError.write(Data("note: already in the journal, left out: \(title)\n".utf8))
        }
        let summary =
            "\(counted(result.applications, "application")), \(counted(result.events, "event")) from \(counted(result.rows, "row")); \(result.skipped) skipped, \(result.alreadyThere.count) already in the journal, \(counted(result.warnings.count, "warning"))"
        if dryRun {
            print(result.text, terminator: "")
            FileHandle.standardError.write(Data("dry run: \(summary); nothing written\n".utf8))
            return
        }
        let shown = try createNewFile(target, result.text, advice: " (use --into)")
        print("Imported \(summary) → \(shown)")
        let after = JournalLoader.load(content: options.contentURL)
        let errors = after.diagnostics.filter { $0.isError && $0.location?.file.hasSuffix(shown) == true }
        if !errors.isEmpty {
            printDiagnostics(errors)
            throw ExitCode(1)
        }
    }
}
