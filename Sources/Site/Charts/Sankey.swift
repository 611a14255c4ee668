import Analytics
import Support

/// The whole search as a Sankey diagram of `flows`, drawn at build time as inline SVG: stages in
/// columns (applied, response, meeting, offer, outcome), bands as wide as the applications that
/// took each step, every node labelled with its count, and the flows again as a data table.
enum Sankey {
    static let labels: [String: String] = [
        "applied": "Applied", "response": "Answered", "meeting": "Meeting", "offer": "Offer", "accepted": "Accepted",
        "declined": "Declined", "rejected": "Rejected", "withdrew": "Withdrew", "ghosted": "Ghosted", "silent": "Silent",
        "open": "Still open",
    ]

    static func column(_ node: String) -> Int {
        switch node {
        case "applied": return 0
        case "response": return 1
        case "meeting": return 2
        case "offer": return 3
        default: return 4
        }
    }

    static func chart(_ flows: [Flow], id: String = "sankey") -> Chart {
        let width = 640.0
        let height = 340.0
        let top = 14.0
        let nodeWidth = 12.0
        let gap = 14.0
        var inflow: [String: Int] = [:]
        var outflow: [String: Int] = [:]
        for flow in flows {
            outflow[flow.from, default: 0] += flow.applications
            inflow[flow.to, default: 0] += flow.applications
        }
        let nodes = Flow.nodes.filter { (inflow[$0] ?? 0) + (outflow[$0] ?? 0) > 0 }
        let value = { (node: String) in max(inflow[node] ?? 0, outflow[node] ?? 0) }
        let columns = (0...4).map { c in nodes.filter { column($0) == c } }
        let busiest = columns.map { $0.count }.max() ?? 1
        let total = max(value("applied"), columns.map { $0.map(value).reduce(0, +) }.max() ?? 0, 1)
        let scale = (height - 2 * top - Double(max(busiest - 1, 0)) * gap) / Double(total)
        let columnX = (0...4).map { 8 + Double($0) * (width - 150 - nodeWidth) / 4 }
        var y: [String: Double] = [:]
        for list in columns {
            var cursor = top
            for node in list {
                y[node] = cursor
                cursor += Double(value(node)) * scale + gap
            }
        }
        var svg = SVG(width: width, height: height)
        var outOffset: [String: Double] = [:]
        var inOffset: [String: Double] = [:]
        for flow in flows {
            guard let sy = y[flow.from], let ty = y[flow.to] else { continue }
            let thickness = Double(flow.applications) * scale
            let y0 = sy + (outOffset[flow.from] ?? 0)
            let y1 = ty + (inOffset[flow.to] ?? 0)
            outOffset[flow.from, default: 0] += thickness
            inOffset[flow.to, default: 0] += thickness
            let x0 = columnX[column(flow.from)] + nodeWidth
            let x1 = columnX[column(flow.to)]
            let mid = (x0 + x1) / 2
            let d =
                "M\(SVG.n(x0)) \(SVG.n(y0))C\(SVG.n(mid)) \(SVG.n(y0)) \(SVG.n(mid)) \(SVG.n(y1)) \(SVG.n(x1)) \(SVG.n(y1))"
                + "V\(SVG.n(y1 + thickness))C\(SVG.n(mid)) \(SVG.n(y1 + thickness)) \(SVG.n(mid)) \(SVG.n(y0 + thickness)) \(SVG.n(x0)) \(SVG.n(y0 + thickness))Z"
            svg.raw("<path d=\"\(d)\" class=\"band to-\(flow.to)\"><title>")
            svg.raw(HTMLText.escape("\(name(flow.from)) → \(name(flow.to)): \(flow.applications)"))
            svg.raw("</title></path>")
        }
        for node in nodes {
            guard let top = y[node] else { continue }
            let x = columnX[column(node)]
            let h = max(Double(value(node)) * scale, 2)
            svg.rect(x: x, y: top, w: nodeWidth, h: h, cls: "node node-\(node)", title: "\(name(node)): \(value(node))")
            svg.text("\(name(node)) \(value(node))", x: x + nodeWidth + 4, y: top + min(h / 2, 12) + 4, cls: "label")
        }
        let applied = value("applied")
        let reading: String
        if applied == 0 {
            reading = "No applications sent yet."
        } else {
            reading =
                "Of \(applied) applications, \(value("response")) were answered, \(value("meeting")) reached a meeting and \(value("offer")) an offer; "
                + outcomes(inflow).joined(separator: ", ") + "."
        }
        return Chart(
            id: id, title: "Where every application went", reading: reading,
            svg: svg.svg(labelID: "\(id)-title", label: "Sankey diagram. \(reading)", cls: "sankey"),
            tableHeader: ["From", "To", "Applications"],
            tableRows: flows.map { [name($0.from), name($0.to), String($0.applications)] })
    }

    static func name(_ node: String) -> String { labels[node] ?? node }

    /// "3 rejected, 1 still open": the outcome nodes with their counts.
    static func outcomes(_ inflow: [String: Int]) -> [String] {
        Flow.nodes.filter { column($0) == 4 }.compactMap { node in
            guard let count = inflow[node], count > 0 else { return nil }
            return "\(count) \(name(node).lowercased())"
        }
    }
}
