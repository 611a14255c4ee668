/// One job application: the company, the role, what the user noted about it, and its events.
public struct Application: Sendable, Hashable {
    public var company: String {
        didSet { companyKey = TextKey.company(companyGroup ?? company) }
    }
    public var role: String
    public var source: String?
    public var location: String?
    public var link: String?
    public var contact: String?
    public var salary: String?
    /// The employer's postal or web address, phone, the job's reference number and how you
    /// applied or made contact (docs/statistics.md).
    public var address: String?
    public var phone: String?
    public var reference: String?
    public var method: String?
    public var tags: [String]
    public var isPrivate: Bool
    /// Events in event order (see `Array<Event>.inEventOrder()`), planned ones included.
    public var events: [Event]
    /// Free Markdown notes (shape A: everything that is not an event; shape B: the section's other blocks).
    public var notes: String
    /// Where the application starts: the front matter or its `##` heading.
    public var origin: SourceLocation
    /// The file's path relative to the Content folder (used for ordering, with `positionInFile`).
    public var path: String
    public var positionInFile: Int
    /// Unique identity used in URLs and stats.json; assigned after every file is read.
    public var slug: String
    /// The last line of the application's part of its file (its `##` section, or the whole file).
    public var endLine: Int = 0

    public init(
        company: String, role: String, source: String? = nil, location: String? = nil, link: String? = nil,
        contact: String? = nil, salary: String? = nil, tags: [String] = [], isPrivate: Bool = false,
        events: [Event] = [], notes: String = "", origin: SourceLocation, path: String, positionInFile: Int = 0,
        slug: String = ""
    ) {
        self.company = company
        self.role = role
        self.source = source
        self.location = location
        self.link = link
        self.contact = contact
        self.salary = salary
        self.tags = tags
        self.isPrivate = isPrivate
        self.events = events
        self.notes = notes
        self.origin = origin
        self.path = path
        self.positionInFile = positionInFile
        self.slug = slug
        companyKey = TextKey.company(company)
    }

    /// `Company — Role`, or the company alone.
    public var title: String { role.isEmpty ? company : "\(company) — \(role)" }

    /// The date of the first event in event order, planned events included.
    public var firstDate: CivilDate? { events.first?.date }

    /// The name of the site.yml `companies:` group this company belongs to, if any.
    public var companyGroup: String? {
        didSet { companyKey = TextKey.company(companyGroup ?? company) }
    }

    /// The company as statistics compare it (docs/journal.md): its group's key,
    /// else its own, without punctuation or a legal-form word. Kept with the names it is made from
    /// (worked out once, not at each of the many comparisons a build makes).
    public private(set) var companyKey: String = ""

    /// How the company is shown where applications are grouped: the group's name, else its own spelling.
    public var companyDisplay: String { companyGroup ?? company }
}

/// An advice article: Markdown with front matter, published beside the dashboard.
public struct Article: Sendable, Hashable {
    public var title: String
    public var date: CivilDate
    public var summary: String?
    public var tags: [String]
    /// Event kinds and action kinds this article advises on.
    public var topics: [String]
    public var isDraft: Bool
    /// `private: true`: never in a public build (it may tell of real companies and people).
    public var isPrivate = false
    public var slug: String
    /// The Markdown body after the front matter.
    public var body: String
    public var path: String
    public var origin: SourceLocation

    public init(
        title: String, date: CivilDate, summary: String? = nil, tags: [String] = [], topics: [String] = [],
        isDraft: Bool = false, slug: String, body: String, path: String, origin: SourceLocation
    ) {
        self.title = title
        self.date = date
        self.summary = summary
        self.tags = tags
        self.topics = topics
        self.isDraft = isDraft
        self.slug = slug
        self.body = body
        self.path = path
        self.origin = origin
    }
}
