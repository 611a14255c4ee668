import Journal

/// A wait for the employer: from a start date to the answer (observed) or to when watching stopped
/// (censored: a candidate's own outcome, or today).
public struct Wait: Sendable, Hashable {
    public var start: CivilDate
    public var end: CivilDate
    public var observed: Bool

    public init(start: CivilDate, end: CivilDate, observed: Bool) {
        self.start = start
        self.end = end
        self.observed = observed
    }

    /// Whole calendar days.
    public var days: Int { start.days(to: end) }
}

/// A median is a whole number of days for an odd count and may be a half for an even one;
/// stats.json prints the first as an integer.
public enum DayFigure: Sendable, Hashable {
    case whole(Int)
    case fraction(Double)

    public var value: Double {
        switch self {
        case .whole(let v): return Double(v)
        case .fraction(let v): return v
        }
    }
}

/// Mean, median and 90th percentile of observed durations, as docs/statistics.md defines them.
public enum Summary {
    public static func mean(_ values: [Int]) -> Double? {
        values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }

    /// The middle value of an odd count; the mean of the two middle values of an even count.
    public static func median(_ values: [Int]) -> DayFigure? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        if sorted.count % 2 == 1 { return .whole(sorted[mid]) }
        return .fraction(Double(sorted[mid - 1] + sorted[mid]) / 2)
    }

    /// Nearest rank: the ⌈0.9·n⌉-th smallest value.
    public static func p90(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = (9 * sorted.count + 9) / 10  // ⌈0.9·n⌉ in integers
        return sorted[rank - 1]
    }
}
