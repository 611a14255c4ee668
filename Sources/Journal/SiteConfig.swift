import Foundation

/// A named search period of site.yml (`periods:`): from a date, to a date or open-ended.
public struct SearchPeriod: Sendable, Hashable {
    public var name: String
    public var slug: String
    public var from: CivilDate
    public var to: CivilDate?

    public init(name: String, from: CivilDate, to: CivilDate?) {
        self.name = name
        self.slug = Slug.make(name, fallback: "period")
        self.from = from
        self.to = to
    }

    public func contains(_ date: CivilDate) -> Bool { date >= from && (to.map { date <= $0 } ?? true) }
}

/// site.yml `work_search:`: how many activities a week the benefit office asks for.
public struct WorkSearchSettings: Sendable, Hashable {
    public var minimumPerWeek: Int?
    /// Count different days instead of activities against the minimum.
    public var distinctDays = false
    public init() {}
}

/// site.yml: the site's settings and the policy, with every default of docs/journal.md.
public struct SiteConfig: Sendable, Hashable {
    public var title = "My job search"
    public var author: String?
    public var baseURL = "/"
    public var timeZoneIdentifier = "UTC"
    public var unsafeHTML = false
    public var policy = Policy()
    /// `date_order: day-first`: `3/4/2026` is the 3rd of April when both readings fit.
    public var dayFirst = false
    /// `companies:` groups of spellings that are one company.
    public var companyAliases: [CompanyAlias] = []
    /// `periods:` named search periods, in the order written.
    public var periods: [SearchPeriod] = []
    /// `work_search:` the weekly minimum of the work-search log.
    public var workSearch = WorkSearchSettings()
    /// `me:` the person's own addresses, for `followup mail`.
    public var me: [String] = []

    public init() {}

    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")! }

    /// Today's date in the site's time zone.
    public func today(now: Date = Date()) -> CivilDate {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: now)
        return CivilDate(dayNumber: Int((Double(seconds) / 86400).rounded(.down)))
    }
}
