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
        kind != .note && kind != .expect && (kind != .acknowledged || countAcknowledgements)
    }
}
