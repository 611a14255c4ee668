import Analytics
import Foundation
import Journal

/// `followup report`: the work-search log for a date range as one self-contained printable page
/// (its stylesheet inside, no links out) or as CSV, for handing in.
public enum WorkSearchReport {
    /// The first line of every HTML report, so that `report` knows a file it wrote before.
    public static let htmlMarker = "<!DOCTYPE html>\n<!-- work-search log written by followup report -->"

    public static func html(
        journal: Journal, stats: Statistics, theme: Theme, today: CivilDate, from: CivilDate?, to: CivilDate?
    ) throws -> [UInt8] {
        let model = SiteModel(journal: journal, stats: stats, options: BuildOptions(today: today))
        guard case .object(var context) = ReportPage.context(model, from: from, to: to, path: "report.html", standalone: true)
        else { return [] }
        context["inlineStyle"] = .string(String(decoding: theme.assets["style.css"] ?? Data(), as: UTF8.self))
        var bytes = try theme.render("report", .object(context))
        let doctype = Array("<!DOCTYPE html>".utf8)
        if bytes.starts(with: doctype) { bytes.removeFirst(doctype.count) }
        return Array(htmlMarker.utf8) + bytes
    }

    public static func csv(journal: Journal, stats: Statistics, today: CivilDate, from: CivilDate?, to: CivilDate?) -> String {
        let model = SiteModel(journal: journal, stats: stats, options: BuildOptions(today: today))
        return ReportPage.csv(model, from: from, to: to)
    }

    /// The CSV header line, which marks a CSV file `report` wrote.
    public static var csvHeader: String { ReportPage.csvHeaderLine }
}
