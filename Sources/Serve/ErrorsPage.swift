import Support

/// The errors page: every diagnostic of the last build attempt, file and line first, like a compiler.
enum ErrorsPage {
    static func html(_ state: SiteState, prefix: String) -> String {
        let escape = HTMLText.escape
        var rows = ""
        for d in state.diagnostics {
            let place = d.location.map { l in
                "<td>\(escape(l.file))</td><td class=\"num\">\(l.line)</td><td class=\"num\">\(l.column)</td>"
            }
            var message = escape(d.message)
            if let hint = d.hint { message += "<br><small>hint: \(escape(hint))</small>" }
            if let fix = d.fix { message += "<br><small>fix: <code>\(escape(fix.replacement))</code></small>" }
            rows +=
                "<tr class=\"\(d.severity.rawValue)\">\(place ?? "<td colspan=\"3\">(no file)</td>")<td>\(d.severity.rawValue)</td><td>\(message)</td></tr>\n"
        }
        let summary =
            state.hasErrors
            ? "The last build failed; the site shows the last good build until these are fixed."
            : state.diagnostics.isEmpty ? "No problems: the last build worked." : "The last build worked, with these warnings."
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Diagnostics · Followup</title>
            <style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1d2330}table{border-collapse:collapse;width:100%}
            td,th{border-bottom:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}.num{text-align:right}
            tr.error td:nth-child(4){color:#a33c00;font-weight:bold}@media(prefers-color-scheme:dark){body{background:#12151b;color:#e6e9ef}
            tr.error td:nth-child(4){color:#ff9b57}}</style></head>
            <body><main><h1>Diagnostics</h1><p>\(summary) <a href="\(prefix)index.html">Back to the site</a></p>
            <table><thead><tr><th scope="col">File</th><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Severity</th><th scope="col">Message</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></main>\(ReloadScript.tag(prefix: prefix))</body></html>
            """
    }
}
