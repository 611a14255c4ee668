import Journal

/// What a CSV column holds for the journal: a property, the applied date, a status and its date,
/// the dates of one event kind, or nothing (`ignore`).
public enum ImportField: Sendable, Hashable {
    case company, role, applied, source, location, link, contact, salary, tags, notes, status, response, ignore
    /// A column of dates of one kind of event (`screen`, `interview`, `offer`, …).
    case event(EventKind)

    var isEvent: Bool {
        if case .event = self { return true }
        return false
    }

    /// A field named on the command line (`--map "Phone=screen"`): a field name or an event kind.
    public init?(name: String) {
        let word = name.trimmingWhitespace.lowercased()
        switch word {
        case "company": self = .company
        case "role": self = .role
        case "applied": self = .applied
        case "source": self = .source
        case "location": self = .location
        case "link": self = .link
        case "contact": self = .contact
        case "salary": self = .salary
        case "tags": self = .tags
        case "notes": self = .notes
        case "status": self = .status
        case "response": self = .response
        case "ignore": self = .ignore
        default:
            guard case .success(let kind) = JournalEditor.kind(word) else { return nil }
            self = .event(kind)
        }
    }

    /// Lower case, spaces, `_` and `-` removed: how headers are compared.
    static func key(_ header: String) -> String {
        String(header.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" && $0 != "\t" })
    }

    /// The header synonyms of README.md, by compared key.
    static let synonyms: [String: ImportField] = {
        var table: [String: ImportField] = [:]
        func add(_ field: ImportField, _ names: [String]) { for name in names { table[key(name)] = field } }
        add(.company, ["company", "company name", "employer", "organisation", "organization"])
        add(.role, ["role", "role name", "title", "job title", "position"])
        add(.applied, ["applied", "applied date", "application date", "date applied", "date"])
        add(.source, ["source", "application site", "site", "platform", "via", "channel"])
        add(.link, ["link", "url", "job url", "posting"])
        add(.location, ["location"])
        add(.contact, ["contact", "contact email", "recruiter", "recruiter email"])
        add(.salary, ["salary"])
        add(.notes, ["notes", "comments"])
        add(.status, ["status", "stage", "result", "outcome"])
        add(.response, ["response date", "reply date", "status date"])
        add(.tags, ["tags"])
        return table
    }()

    /// LinkedIn's `Job Applications.csv` header, and the columns of it never imported (they can
    /// hold salary answers and personal data).
    static let linkedIn = ["Application Date", "Contact Email", "Contact Phone Number", "Company Name", "Job Title", "Job Url"]
    static let linkedInPrivate = ["contactphonenumber", "resumename", "questionandanswers"]

    static func isLinkedIn(_ header: [String]) -> Bool {
        let keys = Set(header.map(key))
        return linkedIn.allSatisfy { keys.contains(key($0)) }
    }
}

/// The field of each column of one file, with what was left unmapped.
struct ColumnMapping {
    var fields: [ImportField?]
    var unmapped: [String]

    init(header: [String], overrides: [String: ImportField]) {
        let linkedIn = ImportField.isLinkedIn(header)
        var fields: [ImportField?] = []
        var unmapped: [String] = []
        var taken = Set<ImportField>()
        for name in header {
            let key = ImportField.key(name)
            var field: ImportField?
            if linkedIn && ImportField.linkedInPrivate.contains(key) {
                field = .ignore  // never imported, whatever --map says
            } else if let given = overrides[key] {
                field = given
            } else if let known = ImportField.synonyms[key], !taken.contains(known) || known == .notes {
                field = known
            } else if case .success(let kind) = JournalEditor.kind(name.lowercased()), kind != .note {
                field = .event(kind)  // a column named after a stage: "Interview", "Phone screen"
            }
            if let field, field != .ignore, !field.isEvent { taken.insert(field) }
            if field == nil && !key.isEmpty { unmapped.append(name) }
            fields.append(field)
        }
        self.fields = fields
        self.unmapped = unmapped
    }
}
