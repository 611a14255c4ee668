/// The Kaplan–Meier estimate of "still waiting after t days", which counts the waits that never
/// ended (censored) instead of dropping them, as the mean of observed waits does.
public struct KaplanMeier: Sendable {
    /// S(t) just after each distinct observed time, in increasing time.
    public let steps: [(day: Int, survival: Double)]
    /// The longest duration watched (observed or censored).
    public let longest: Int?
    public let count: Int

    static let tolerance = 1e-9

    public init(_ waits: [Wait]) {
        count = waits.count
        let durations = waits.map { ($0.days, $0.observed) }.sorted { $0.0 < $1.0 }
        longest = durations.last?.0
        var steps: [(Int, Double)] = []
        var survival = 1.0
        var index = 0
        while index < durations.count {
            let day = durations[index].0
            let atRisk = durations.count - index
            var events = 0
            while index < durations.count && durations[index].0 == day {
                if durations[index].1 { events += 1 }
                index += 1
            }
            if events > 0 {
                survival *= 1 - Double(events) / Double(atRisk)
                steps.append((day, survival))
            }
        }
        self.steps = steps
    }

    /// S(t): the share still waiting after `t` days; nil where nothing is known (nobody was watched
    /// that long and S had not reached 0, or there are no waits at all).
    public func survival(at t: Int) -> Double? {
        guard count > 0 else { return nil }
        let value = steps.last(where: { $0.day <= t })?.survival ?? 1.0
        if let longest, longest >= t { return value }
        return value <= Self.tolerance ? 0.0 : nil
    }

    /// The smallest observed time at which S falls to one half or below.
    public var median: Int? {
        steps.first(where: { $0.survival <= 0.5 + Self.tolerance })?.day
    }
}
