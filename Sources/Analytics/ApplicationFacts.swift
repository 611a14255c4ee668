import Journal

/// The derived status of an application as of today (docs/journal.md): exactly one each.
public enum Status: String, Sendable, CaseIterable, Hashable {
    case waiting, active, silent, offer, accepted, declined, rejected, withdrew, ghosted
}

/// What one application's events say, computed once and shared by every figure and action.
///
/// The figures sit in one immutable shared box: facts are passed around tens of thousands of times
/// while a site is built, and copying a dozen arrays and strings each time (a retain and a release
/// apiece) was a measurable part of the build. Still a value: nothing in the box can change.
public struct ApplicationFacts: Sendable, Hashable {
    private let storage: Storage

    /// Facts are a function of the application, the day and the policy: equal when those are, so a
    /// page made from facts can be cached on exactly what they are made from.
    public static func == (a: ApplicationFacts, b: ApplicationFacts) -> Bool {
        a.storage === b.storage
            || (a.storage.digest == b.storage.digest
                && a.isMade(from: b.storage.application, today: b.storage.today, policy: b.storage.policy))
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.digest) }

    /// Whether these facts were made from exactly this application, day and policy.
    func isMade(from app: Application, today: CivilDate, policy: Policy) -> Bool {
        storage.today == today && storage.policy == policy && storage.application == app
    }

    /// Borrowed from the box (`_read`), so `fact.application.slug` copies the slug, not the application.
    public var application: Application {
        _read { yield storage.application }
    }
    /// `body` given the application in the box, without copying it (reading a handful of fields of
    /// ten thousand applications copied each whole).
    public func withApplication<T>(_ body: (borrowing Application) -> T) -> T { body(storage.application) }

    /// The application's slug and first date, read in the box (hot loops over ten thousand facts
    /// copied the whole application for them).
    public var slug: String { storage.application.slug }
    public var firstDate: CivilDate? { storage.application.events.first?.date }
    /// Events dated on or before today, in event order.
    public var past: [Event] { storage.past }
    /// Events dated after today (planned).
    public var planned: [Event] { storage.planned }
    public var status: Status { storage.status }
    /// Index in `past` of the first `applied`.
    public var appliedIndex: Int? { storage.appliedIndex }
    /// Index in `past` of the contact that ended the first-response wait.
    public var contactIndex: Int? { storage.contactIndex }
    public var firstResponse: Wait? { storage.firstResponse }
    /// Index in `past` of the meeting the decision wait starts from.
    public var decisionMeetingIndex: Int? { storage.decisionMeetingIndex }
    public var decisionIndex: Int? { storage.decisionIndex }
    public var decision: Wait? { storage.decision }
    /// The latest event that counts (no notes; acknowledgements only when counted).
    public var latestCountedIndex: Int? { storage.latestCountedIndex }
    /// Every `expect` of the application, judged as of today.
    public var expectations: [Expectation] { storage.expectations }
    /// A pending `expect` whose promised date is after today, though written on or before it:
    /// it counts as a planned event (no nudging before the promised day).
    public var promisedLater: [Expectation] { storage.promisedLater }

    public init(_ app: Application, today: CivilDate, policy: Policy) {
        storage = Storage(app, today: today, policy: policy)
    }

    /// The application's status as of `day`, what `ApplicationFacts(app, today: day, policy:).status`
    /// says, without the other figures (the work-search log asks it for every week's end).
    public static func status(of app: Application, asOf day: CivilDate, policy: Policy) -> Status {
        let past = app.events.filter { $0.date <= day }
        let hasPlanned = past.count < app.events.count
        let latestCounted = past.lastIndex { policy.isCounted($0.kind) }
        // A promise only matters for `silent`; it is judged only when the rest would say silent.
        let provisional = derivedStatus(
            past: past, latestCounted: latestCounted, hasPlanned: hasPlanned, hasPromisedLater: false, today: day,
            policy: policy)
        guard provisional == .silent else { return provisional }
        let promisedLater = Expectation.all(app.events, policy: policy, today: day).contains {
            $0.state == .pending && $0.event.date <= day && $0.expected > day
        }
        return promisedLater ? (past.contains { policy.isEmployerContact($0.kind) } ? .active : .waiting) : .silent
    }

    /// Status: the latest deciding event; a `ghosted` followed by an employer contact decides
    /// nothing; then silent (no counted event for the policy's days, nothing planned or promised),
    /// active (the employer has been in touch) or waiting.
    static func derivedStatus<Past: RandomAccessCollection<Event>>(
        past: Past, latestCounted: Past.Index?, hasPlanned: Bool, hasPromisedLater: Bool, today: CivilDate,
        policy: Policy
    ) -> Status {
        let deciding = past.indices.last { index in
            let kind = past[index].kind
            if kind == .ghosted {
                return !past[past.index(after: index)...].contains { policy.isEmployerContact($0.kind) }
            }
            return kind.isOutcome
        }
        if let deciding {
            return Status(rawValue: past[deciding].kind.rawValue) ?? .active
        } else if let latest = latestCounted, past[latest].date.days(to: today) >= policy.silentAfterDays,
            !hasPlanned, !hasPromisedLater
        {
            return .silent
        } else if past.contains(where: { policy.isEmployerContact($0.kind) }) {
            return .active
        } else {
            return .waiting
        }
    }

    private final class Storage: Sendable {
        let application: Application
        /// Events dated on or before today, in event order.
        let past: [Event]
        /// Events dated after today (planned).
        let planned: [Event]
        let status: Status
        /// Index in `past` of the first `applied`.
        let appliedIndex: Int?
        /// Index in `past` of the contact that ended the first-response wait.
        let contactIndex: Int?
        let firstResponse: Wait?
        /// Index in `past` of the meeting the decision wait starts from.
        let decisionMeetingIndex: Int?
        let decisionIndex: Int?
        let decision: Wait?
        /// The latest event that counts (no notes; acknowledgements only when counted).
        let latestCountedIndex: Int?
        let expectations: [Expectation]
        let promisedLater: [Expectation]
        /// Asked of every fact by several figures: found once, by kind (scanning whole events
        /// copied each one).
        let isClosed: Bool
        let reachedMeeting: Bool
        let reachedOffer: Bool

        let today: CivilDate
        let policy: Policy
        /// The hash of what the facts are made from, taken once: pages, data files and caches
        /// key on it many times a build.
        let digest: Int

        init(_ app: Application, today: CivilDate, policy: Policy) {
            application = app
            self.today = today
            self.policy = policy
            var hasher = Hasher()
            hasher.combine(app)
            hasher.combine(today)
            hasher.combine(policy)
            digest = hasher.finalize()
            let past = app.events.filter { $0.date <= today }
            self.past = past
            let kinds = past.map(\.kind)
            isClosed = kinds.contains { $0.isClosing }
            reachedMeeting = kinds.contains { $0.isMeeting }
            reachedOffer = kinds.contains(.offer)
            planned = app.events.filter { $0.date > today }
            latestCountedIndex = past.lastIndex { policy.isCounted($0.kind) }
            let expectations = Expectation.all(app.events, policy: policy, today: today)
            self.expectations = expectations
            let promisedLater = expectations.filter { $0.state == .pending && $0.event.date <= today && $0.expected > today }
            self.promisedLater = promisedLater

            status = ApplicationFacts.derivedStatus(
                past: past, latestCounted: latestCountedIndex, hasPlanned: !planned.isEmpty,
                hasPromisedLater: !promisedLater.isEmpty, today: today, policy: policy)

            // First response
            let applied = past.firstIndex { $0.kind == .applied }
            appliedIndex = applied
            if let applied {
                let start = past[applied].date
                let contact = past.firstIndex { policy.isEmployerContact($0.kind) && $0.date >= start }
                contactIndex = contact
                if let contact {
                    firstResponse = Wait(start: start, end: past[contact].date, observed: true)
                } else {
                    let stop = past.first { $0.kind.isCandidateOutcome && $0.date >= start }?.date ?? today
                    firstResponse = Wait(start: start, end: stop, observed: false)
                }
            } else {
                contactIndex = nil
                firstResponse = nil
            }

            // Decision
            if let firstMeeting = past.firstIndex(where: { $0.kind.isMeeting }) {
                let decided = past.indices.first { $0 > firstMeeting && (past[$0].kind == .offer || past[$0].kind == .rejected) }
                decisionIndex = decided
                if let decided {
                    let meeting = past[..<decided].lastIndex { $0.kind.isMeeting } ?? firstMeeting
                    decisionMeetingIndex = meeting
                    decision = Wait(start: past[meeting].date, end: past[decided].date, observed: true)
                } else {
                    let meeting = past.lastIndex { $0.kind.isMeeting } ?? firstMeeting
                    decisionMeetingIndex = meeting
                    let stop = past[(meeting + 1)...].first { $0.kind.isCandidateOutcome }?.date ?? today
                    decision = Wait(start: past[meeting].date, end: stop, observed: false)
                }
            } else {
                decisionIndex = nil
                decisionMeetingIndex = nil
                decision = nil
            }
        }
    }

    /// Whether a `follow-up` came after the first `applied` and before the contact that answered it.
    public var followedUpAfterApplying: Bool? {
        guard let applied = appliedIndex else { return nil }
        let end = contactIndex ?? past.count
        return applied + 1 < end && past[(applied + 1)..<end].contains { $0.kind == .followUp }
    }

    /// Whether a `follow-up` came after the meeting the decision wait starts from and before the decision.
    public var followedUpAfterMeeting: Bool? {
        guard let meeting = decisionMeetingIndex else { return nil }
        let end = decisionIndex ?? past.count
        return meeting + 1 < end && past[(meeting + 1)..<end].contains { $0.kind == .followUp }
    }

    /// Whether the application has ended from either side (accepted, declined, withdrew, rejected).
    public var isClosed: Bool { storage.isClosed }

    /// Waiting or active, with nothing planned (and no promised date still ahead): the
    /// applications a nudge makes sense for.
    public var isOpen: Bool { (status == .waiting || status == .active) && planned.isEmpty && promisedLater.isEmpty }

    /// Reached a meeting: a `screen` or `interview` dated on or before today.
    public var reachedMeeting: Bool { storage.reachedMeeting }
    /// Reached an offer: an `offer` dated on or before today.
    public var reachedOffer: Bool { storage.reachedOffer }
    /// Eligible for the response figures: it has an `applied` dated on or before today.
    public var isEligible: Bool { firstResponse != nil }
}
