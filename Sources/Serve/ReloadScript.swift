/// The script added to HTML pages while serving (never to built files): it reloads the page after a
/// rebuild and shows the content's diagnostics over the page while the last build failed.
enum ReloadScript {
    static let source = #"""
        (function () {
          "use strict";
          var script = document.currentScript;
          var base = script.getAttribute("data-base");
          var shown = null, overlay = null;
          function showErrors(list) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:9999;" +
                "background:#3b0d0d;color:#fff;font:14px/1.45 ui-monospace,monospace;padding:12px 16px;border-top:4px solid #D55E00";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "";
            var title = document.createElement("p");
            title.style.cssText = "margin:0 0 6px;font-weight:bold";
            title.textContent = "The journal has errors; this page shows the last good build. ";
            var link = document.createElement("a");
            link.href = base + "__followup/errors";
            link.style.color = "#ffd28a";
            link.textContent = "All diagnostics";
            title.appendChild(link);
            overlay.appendChild(title);
            list.forEach(function (line) {
              var p = document.createElement("div");
              p.textContent = line;
              overlay.appendChild(p);
            });
          }
          function hideErrors() { if (overlay) { overlay.remove(); overlay = null; } }
          var source = new EventSource(base + "__followup/events");
          source.addEventListener("state", function (e) {
            var state = JSON.parse(e.data);
            if (shown !== null && state.version !== shown) { location.reload(); return; }
            shown = state.version;
            var errors = state.diagnostics.filter(function (d) { return d.indexOf(": error: ") >= 0; });
            if (state.hasErrors) { showErrors(errors.length ? errors : state.diagnostics); } else { hideErrors(); }
          });
        })();
        """#

    /// The tag inserted before `</body>`.
    static func tag(prefix: String) -> String {
        "<script src=\"\(prefix)__followup/reload.js\" data-base=\"\(prefix)\"></script>"
    }
}

/// The errors page: every diagnostic of the last build attempt, file and line first, like a compiler.
enum ErrorsPage {
    static func html(_ state: SiteState, prefix: String) -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var rows = ""
        for line in state.diagnostics {
            // path:line:col: severity: message
            let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 5 {
                rows +=
                    "<tr class=\"\(escape(parts[3].trimmingCharacters(in: .whitespaces)))\"><td>\(escape(parts[0]))</td><td class=\"num\">\(escape(parts[1]))</td><td class=\"num\">\(escape(parts[2]))</td><td>\(escape(parts[3]))</td><td>\(escape(parts[4].trimmingCharacters(in: .whitespaces)))</td></tr>\n"
            } else {
                rows += "<tr><td colspan=\"5\">\(escape(line))</td></tr>\n"
            }
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
