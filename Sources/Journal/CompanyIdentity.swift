/// One company however it is spelled: site.yml `companies:` groups applied to applications, and
/// the note `check` gives for spellings it merged.
public enum CompanyIdentity {
    /// Puts each application whose company key is one of a group's spellings into that group.
    static func apply(_ aliases: [CompanyAlias], to applications: inout [Application]) {
        guard !aliases.isEmpty else { return }
        var group: [String: String] = [:]
        for alias in aliases {
            group[TextKey.company(alias.name)] = alias.name
            for spelling in alias.spellings { group[TextKey.company(spelling)] = alias.name }
        }
        for index in applications.indices {
            applications[index].companyGroup = group[TextKey.company(applications[index].company)]
        }
    }

    /// A note per company whose applications spell it in more than one way, at its first application.
    static func mergedSpellings(_ applications: [Application]) -> [Diagnostic] {
        var spellings: [String: [String]] = [:]
        var first: [String: Application] = [:]
        var order: [String] = []
        for app in applications {
            let key = app.companyKey
            if first[key] == nil {
                first[key] = app
                order.append(key)
            }
            if !(spellings[key] ?? []).contains(where: { TextKey.same($0, app.company) }) {
                spellings[key, default: []].append(app.company)
            }
        }
        return order.compactMap { key in
            guard let names = spellings[key], names.count > 1, let app = first[key] else { return nil }
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            return .note(app.origin, "\(list) are counted as one company, shown as '\(app.companyDisplay)'")
        }
    }
}

/// A site.yml `companies:` entry: spellings that are one company, shown under one name.
public struct CompanyAlias: Sendable, Hashable {
    public var name: String
    public var spellings: [String]

    public init(name: String, spellings: [String]) {
        self.name = name
        self.spellings = spellings
    }
}
