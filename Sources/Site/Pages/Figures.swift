import Analytics
import Templates

/// stats.json's figures as template values, so a theme can write `{{figures.funnel.applied}}` or
/// loop over `{{#figures.breakdowns.by_source}}`: a figure added to Statistics and StatsJSON (both
/// in Analytics) reaches the statistics page and the dashboard with no line in Site. The two long
/// lists (`companies`, `actions`) are left out: they have pages of their own.
enum Figures {
    static let leftOut: Set<String> = ["companies", "actions"]

    static func value(_ json: JSONValue) -> TemplateValue {
        guard case .object(let pairs) = json else { return template(json) }
        return .object(TemplateObject(pairs.filter { !leftOut.contains($0.0) }.map { ($0.0, template($0.1)) }))
    }

    static func template(_ json: JSONValue) -> TemplateValue {
        switch json {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let n): return .int(n)
        case .number(let x): return .double(x)
        case .string(let text): return .string(text)
        case .array(let items): return .array(items.map(template))
        case .object(let pairs): return .object(TemplateObject(pairs.map { ($0.0, template($0.1)) }))
        }
    }
}
