import Foundation

/// Reads site.yml: every key optional, unknown keys warned about, wrong types reported as errors.
enum SiteConfigReader {
    static func read(_ source: SourceText) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        switch YAMLMapping.parse(source.text, source: source, firstLine: 1, what: "site.yml") {
        case .failure(let diagnostic):
            return (config, [diagnostic])
        case .success(let mapping):
            for field in mapping.fields {
                switch field.key {
                case "title": config.title = field.text(&diagnostics) ?? config.title
                case "author": config.author = field.text(&diagnostics)
                case "base_url": config.baseURL = field.text(&diagnostics) ?? "/"
                case "timezone":
                    if let name = field.text(&diagnostics) {
                        if TimeZone(identifier: name) != nil {
                            config.timeZoneIdentifier = name
                        } else {
                            diagnostics.append(
                                .error(
                                    field.location, "'timezone' must be an IANA time zone name like Europe/Berlin, not '\(name)'")
                            )
                        }
                    }
                case "unsafe_html": config.unsafeHTML = field.bool(&diagnostics) ?? false
                case "policy": readPolicy(field, into: &config.policy, diagnostics: &diagnostics, source: source)
                default:
                    diagnostics.append(
                        .warning(
                            field.location,
                            "unknown key '\(field.key)' in site.yml (known: title, author, base_url, timezone, unsafe_html, policy)"
                        ))
                }
            }
        }
        return (config, diagnostics)
    }

    private static func readPolicy(
        _ field: YAMLMapping.Field, into policy: inout Policy, diagnostics: inout [Diagnostic], source: SourceText
    ) {
        guard case .mapping(let mapping) = field.node else {
            diagnostics.append(.error(field.location, "'policy' must be a mapping (indented 'key: value' lines)"))
            return
        }
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            let location =
                key.mark.map { YAMLMapping.fileLocation($0, source: source, firstLine: 1) } ?? field.location
            let inner = YAMLMapping.Field(key: name, node: value, location: location)
            switch name {
            case "thank_you_within_hours":
                policy.thankYouWithinHours = inner.integer(&diagnostics, minimum: 1) ?? policy.thankYouWithinHours
            case "follow_up_after_days":
                policy.followUpAfterDays = inner.integer(&diagnostics, minimum: 1) ?? policy.followUpAfterDays
            case "max_follow_ups": policy.maxFollowUps = inner.integer(&diagnostics, minimum: 1) ?? policy.maxFollowUps
            case "silent_after_days":
                policy.silentAfterDays = inner.integer(&diagnostics, minimum: 1) ?? policy.silentAfterDays
            case "count_acknowledgements":
                policy.countAcknowledgements = inner.bool(&diagnostics) ?? policy.countAcknowledgements
            default:
                diagnostics.append(
                    .warning(
                        location,
                        "unknown policy key '\(name)' (known: thank_you_within_hours, follow_up_after_days, max_follow_ups, silent_after_days, count_acknowledgements)"
                    ))
            }
        }
    }
}
