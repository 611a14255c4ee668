/// The files `followup new` and `followup init` write, in Followup's own words.
public enum Scaffolds {
    /// A YAML double-quoted string, safe for any name.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// `journal/SLUG.md` for a new application, with the `applied` event dated today.
    public static func application(company: String, role: String, today: CivilDate) -> (path: String, text: String) {
        application(company: company, role: role, applied: today)
    }

    /// The same with the properties `new application` takes; no `applied` line when `applied` is nil.
    public static func application(
        company: String, role: String, applied: CivilDate?, source: String? = nil, location: String? = nil,
        link: String? = nil, contact: String? = nil
    ) -> (path: String, text: String) {
        let slug = Slug.make("\(company) \(role)")
        func value(_ text: String?) -> String { text.map { " " + quoted($0) } ?? "" }
        let events = applied.map { "- \($0) applied\n\n" } ?? ""
        let text = """
            ---
            company: \(quoted(company))
            role: \(quoted(role))
            source:\(value(source))
            location:\(value(location))
            link:\(value(link))
            contact:\(value(contact))
            tags: []
            private: false
            ---

            \(events)Notes about the role, the people and what to prepare go here.

            """
        return ("journal/\(slug).md", text)
    }

    /// `articles/SLUG.md` for a new article, marked draft.
    public static func article(title: String, today: CivilDate) -> (path: String, text: String) {
        let slug = Slug.make(title, fallback: "article")
        let text = """
            ---
            title: \(quoted(title))
            date: \(today)
            summary: One or two sentences for lists and feeds.
            tags: []
            topics: []
            draft: true
            ---

            Write the article here.

            """
        return ("articles/\(slug).md", text)
    }

    /// site.yml for a new journal, with every policy default written out and explained.
    public static let siteYAML = """
        # Followup settings. Every key is optional; the values shown are the defaults.
        title: My job search
        # author: Your Name
        # base_url: https://example.com/search/   # for sitemap.xml and feed.xml of a published site
        timezone: UTC                  # an IANA name such as Europe/Berlin
        unsafe_html: false             # pass raw HTML in Markdown through
        policy:
          thank_you_within_hours: 24   # send a thank-you note within this many hours of an interview
          follow_up_after_days: 7      # suggest a follow-up after this many days of silence
          max_follow_ups: 2            # after this many unanswered follow-ups, ask for feedback or move on
          silent_after_days: 30        # after this long without contact an application counts as silent
          count_acknowledgements: false  # count automatic acknowledgements as answers

        """

    /// The first article of a new journal.
    public static func welcomeArticle(today: CivilDate) -> String {
        """
        ---
        title: How to keep this journal
        date: \(today)
        summary: One line per thing that happened, dated; Followup does the counting.
        tags: [journal]
        topics: [follow-up, thank-you]
        ---

        Write one dated line for each thing that happens in an application:
        `- 2026-03-02 applied`, `- 2026-03-09 10:00 interview: with the team`.
        Run `followup build` and open `Output/index.html`; the dashboard lists what to do next.

        """
    }
}
