import Foundation
import Journal

/// Applications' facts kept between the builds of one serve session: an application whose text,
/// day and policy are unchanged keeps its facts (comparing is cheaper than working them out), so
/// a one-line edit works out one application's facts again.
public final class FactsCache: @unchecked Sendable {
    private var entries: [String: ApplicationFacts] = [:]
    private let lock = NSLock()

    public init() {}

    /// The facts of `applications`, reusing the kept ones that were made from the same values;
    /// afterwards only these are kept.
    func facts(_ applications: [Application], today: CivilDate, policy: Policy) -> [ApplicationFacts] {
        let known = lock.withLock { entries }
        let facts = Parallel.map(applications) { app -> ApplicationFacts in
            if let kept = known[app.slug], kept.isMade(from: app, today: today, policy: policy) { return kept }
            return ApplicationFacts(app, today: today, policy: policy)
        }
        var next: [String: ApplicationFacts] = [:]
        next.reserveCapacity(facts.count)
        for fact in facts { next[fact.slug] = fact }
        lock.withLock { entries = next }
        return facts
    }
}
