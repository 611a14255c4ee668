import Foundation

/// The follow-up policy: the thresholds the action queue and the status rules use.
public struct Policy: Sendable, Hashable {
    public var thankYouWithinHours = 24
    public var followUpAfterDays = 7
    public var maxFollowUps = 2
    public var silentAfterDays = 30
    public var countAcknowledgements = false

    public init() {}

    /// Whether an event of this kind counts as contact from the employer (or a meeting).
    public func isEmployerContact(_ kind: EventKind) -> Bool {
        switch kind.side {
        case .employer: return kind != .acknowledged || countAcknowledgements
        case .meeting: return true
        default: return false
        }
    }

    /// Whether an event counts as the "latest event" of an application (notes never, acks only when counted).
    public func isCounted(_ kind: EventKind) -> Bool {
        kind != .note && (kind != .acknowledged || countAcknowledgements)
    }
}

/// site.yml: the site's settings and the policy, with every default of journal-format.md.
public struct SiteConfig: Sendable, Hashable {
    public var title = "My job search"
    public var author: String?
    public var baseURL = "/"
    public var timeZoneIdentifier = "UTC"
    public var unsafeHTML = false
    public var policy = Policy()

    public init() {}

    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")! }

    /// Today's date in the site's time zone.
    public func today(now: Date = Date()) -> CivilDate {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: now)
        return CivilDate(dayNumber: Int((Double(seconds) / 86400).rounded(.down)))
    }
}
