/// The script added to HTML pages while serving (never to built files): it reloads the page after a
/// rebuild, shows the content's errors over the page while the last build failed, and its warnings
/// in a small bar; both can be dismissed.
enum ReloadScript {
    static let source = #"""
        (function () {
          "use strict";
          var script = document.currentScript;
          var base = script.getAttribute("data-base");
          var shown = null, panel = null;
          function text(d) {
            var place = d.location ? d.location.file + ":" + d.location.line + ":" + d.location.column + ": " : "";
            return place + d.severity + ": " + d.message + (d.hint ? "\n  hint: " + d.hint : "");
          }
          function signature(state) { return state.version + "/" + state.hasErrors + "/" + state.diagnostics.length; }
          function hide() { if (panel) { panel.remove(); panel = null; } }
          // Errors: a red panel over the page; warnings: a small bar. Either can be dismissed
          // until the next build changes what there is to say.
          function show(state) {
            hide();
            var errors = state.diagnostics.filter(function (d) { return d.severity === "error"; });
            var warnings = state.diagnostics.filter(function (d) { return d.severity === "warning"; });
            if (!state.hasErrors && warnings.length === 0) { return; }
            try { if (sessionStorage.getItem("followup-dismissed") === signature(state)) { return; } } catch (e) {}
            panel = document.createElement("div");
            panel.setAttribute("role", state.hasErrors ? "alert" : "status");
            panel.setAttribute("data-followup", state.hasErrors ? "errors" : "warnings");
            panel.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:9999;" +
              "font:14px/1.45 ui-monospace,monospace;padding:10px 16px;white-space:pre-wrap;color:#fff;" +
              (state.hasErrors ? "background:#3b0d0d;border-top:4px solid #D55E00" : "background:#2b2410;border-top:4px solid #b8860b");
            var title = document.createElement("p");
            title.style.cssText = "margin:0 0 6px;font-weight:bold";
            title.textContent = state.hasErrors
              ? "The journal has errors; this page shows the last good build. "
              : "The journal has " + warnings.length + (warnings.length === 1 ? " warning. " : " warnings. ");
            var link = document.createElement("a");
            link.href = base + "__followup/errors";
            link.style.color = "#ffd28a";
            link.textContent = "All diagnostics";
            title.appendChild(link);
            var close = document.createElement("button");
            close.type = "button";
            close.textContent = "Dismiss";
            close.style.cssText = "float:right;font:inherit;background:none;color:#fff;border:1px solid #fff;border-radius:4px;cursor:pointer";
            close.addEventListener("click", function () {
              try { sessionStorage.setItem("followup-dismissed", signature(state)); } catch (e) {}
              hide();
            });
            title.appendChild(close);
            panel.appendChild(title);
            var list = state.hasErrors ? (errors.length ? errors : state.diagnostics) : warnings;
            list.slice(0, state.hasErrors ? 200 : 5).forEach(function (d) {
              var line = document.createElement("div");
              line.textContent = text(d);
              panel.appendChild(line);
            });
            document.body.appendChild(panel);
          }
          var source = new EventSource(base + "__followup/events");
          source.addEventListener("state", function (e) {
            var state = JSON.parse(e.data);
            if (shown !== null && state.version !== shown) { location.reload(); return; }
            shown = state.version;
            show(state);
          });
        })();
        """#

    /// The tag inserted before `</body>`.
    static func tag(prefix: String) -> String {
        "<script src=\"\(prefix)__followup/reload.js\" data-base=\"\(prefix)\"></script>"
    }
}
