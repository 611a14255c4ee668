/// The properties an application may have, by key, with their meaning for the reader.
enum ApplicationProperty: String, CaseIterable {
    case company, role, source, location, link, contact, salary, tags
    case isPrivate = "private"
    case address, phone, reference, method

    static var names: [String] { allCases.map(\.rawValue) }

    /// Sets a text property; keys that take another type (tags, private) are left alone here.
    static func setText(_ key: ApplicationProperty, _ value: String?, on app: inout Application) {
        switch key {
        case .company: app.company = value ?? ""
        case .role: app.role = value ?? ""
        case .source: app.source = value
        case .location: app.location = value
        case .link: app.link = value
        case .contact: app.contact = value
        case .salary: app.salary = value
        case .address: app.address = value
        case .phone: app.phone = value
        case .reference: app.reference = value
        case .method: app.method = value
        case .tags, .isPrivate: break
        }
    }
}
