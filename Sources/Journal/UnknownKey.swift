/// The one wording for a key Followup does not know, with the keys it does: every reader of
/// site.yml and of application properties says it the same way, from the same lists.
enum UnknownKey {
    static func message(_ what: String, _ key: String, in place: String? = nil, known: [String]) -> String {
        "unknown \(what) '\(key)'\(place.map { " in " + $0 } ?? "") (known: \(known.joined(separator: ", ")))"
    }

    static let periodKeys = ["name", "from", "to"]
    static let workSearchKeys = ["minimum_per_week", "distinct_days"]
    static let policyKeys = [
        "thank_you_within_hours", "follow_up_after_days", "max_follow_ups", "silent_after_days", "count_acknowledgements",
    ]
}
