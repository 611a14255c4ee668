import Journal

/// The statistics as a plain-text report for the terminal (`followup stats`).
public enum StatsTable {
    public static func render(_ s: Statistics) -> String {
        var out = "Followup statistics as of \(s.today)\n\n"
        out += "Applications: \(s.applications)\n"
        out +=
            Status.allCases.map { "  \($0.rawValue.padding(9)) \(String(s.byStatus[$0] ?? 0).leftPad(5))" }.joined(
                separator: "\n") + "\n\n"
        out += waits("First response", s.firstResponse, answered: "answered")
        out += waits("Decision after a meeting", s.decision, answered: "decided")
        out += "Silence is not always a no\n"
        for row in s.silence {
            out +=
                "  still silent after \(String(row.afterDays).leftPad(2)) days: \(row.stillSilent), of whom \(row.laterReplied) later replied (\(percent(row.share)))\n"
        }
        let e = s.followUpEffect
        out += "\nDoes following up help?\n"
        out += "  after applying:  with follow-up \(group(e.afterApplyingWith)); without \(group(e.afterApplyingWithout))\n"
        out += "  after a meeting: with follow-up \(group(e.afterInterviewWith)); without \(group(e.afterInterviewWithout))\n"
        out +=
            "\nThank-you notes: \(s.thankYou.interviews) interviews, \(s.thankYou.withinDeadline) on time, \(s.thankYou.late) late, \(s.thankYou.missing) missing\n"
        out += "\nCompanies\n"
        for c in s.companies {
            out +=
                "  \(c.company.padding(28)) \(String(c.applications).leftPad(3)) applied, \(String(c.responded).leftPad(3)) answered, mean \(days(c.meanResponseDays)), pending \(c.pending)\n"
        }
        out += "\nTo do (\(s.actions.filter(\.overdue).count) overdue)\n"
        for a in s.actions {
            let what = a.kind == .upcoming ? "upcoming \(a.event?.rawValue ?? "")" : a.kind.rawValue
            out += "  \(a.overdue ? "!" : " ") \(a.due)  \(what.padding(20)) \(a.company) (\(a.application))\n"
        }
        return out
    }

    static func waits(_ title: String, _ w: WaitFigures, answered: String) -> String {
        var out = "\(title): \(w.responded) of \(w.eligible) \(answered) (\(percent(w.rate)))\n"
        out +=
            "  mean \(days(w.meanDays)), median \(days(w.medianDays?.value)), 90th percentile \(days(w.p90Days.map(Double.init)))\n"
        out += "  Kaplan–Meier median \(days(w.kmMedianDays.map(Double.init))); still waiting after "
        out += w.survival.map { "\($0.day) days: \(percent($0.stillWaiting))" }.joined(separator: ", ") + "\n\n"
        return out
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        return "\(Int((value * 100).rounded()))%"
    }

    static func days(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) days" : "\(rounded) days"
    }

    static func group(_ g: Group) -> String { "\(g.answered) of \(g.applications)" }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
