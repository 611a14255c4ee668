import Analytics
import Journal
import Templates

/// The advice index, one page per article with the user's own figures beside it, and tag pages.
enum AdvicePages {
    static func list(_ articles: [Article], model: SiteModel, path: String) -> TemplateValue {
        .array(
            articles.map { article in
                [
                    "href": .string(SitePath.link(from: path, to: SitePath.article(article.slug))),
                    "title": .string(article.title), "date": .string(article.date.description),
                    "day": .string(Format.long(article.date)), "summary": orNull(article.summary),
                    "draft": .bool(article.isDraft), "hasTags": .bool(!article.tags.isEmpty),
                    "tags": tagLinks(article.tags, from: path),
                ]
            })
    }

    static func tagLinks(_ tags: [String], from path: String) -> TemplateValue {
        .array(
            tags.map {
                [
                    "name": .string($0),
                    "href": .string(SitePath.link(from: path, to: SitePath.tag(Slug.make($0, fallback: "tag")))),
                ]
            })
    }

    static func index(_ model: SiteModel) -> TemplateValue {
        let path = "advice/index.html"
        var context = model.frame(path: path, title: "Advice", kind: "advice")
        context["heading"] = "Advice"
        context["isTag"] = false
        context["articles"] = list(model.articles, model: model, path: path)
        return .object(context)
    }

    static func tags(_ model: SiteModel) -> [(String, () -> TemplateValue)] {
        var byTag: [String: (name: String, articles: [Article])] = [:]
        for article in model.articles {
            for tag in article.tags {
                let slug = Slug.make(tag, fallback: "tag")
                byTag[slug, default: (tag, [])].articles.append(article)
            }
        }
        return byTag.keys.sorted().map { slug in
            let entry = byTag[slug] ?? ("", [])
            let path = SitePath.tag(slug)
            return (
                path,
                {
                    var context = model.frame(path: path, title: "Advice tagged \(entry.name)", kind: "advice")
                    context["heading"] = .string("Advice tagged “\(entry.name)”")
                    context["isTag"] = true
                    context["articles"] = list(entry.articles, model: model, path: path)
                    return .object(context)
                }
            )
        }
    }

    /// What one article's page is made from, besides what every page shares: its cache key.
    struct Input: Hashable {
        let article: Article
        let evidence: [Box]

        init(_ article: Article, _ model: SiteModel) {
            self.article = article
            evidence = model.evidence.boxes(for: article.topics)
        }
    }

    static func page(_ input: Input, _ model: PageFrame) -> (String, TemplateValue) {
        let article = input.article
        let path = SitePath.article(article.slug)
        var context = model.context(path: path, title: article.title, kind: "advice")
        context["title"] = .string(article.title)
        context["date"] = .string(article.date.description)
        context["day"] = .string(Format.long(article.date))
        context["draft"] = .bool(article.isDraft)
        context["hasTags"] = .bool(!article.tags.isEmpty)
        context["tags"] = tagLinks(article.tags, from: path)
        context["body"] = .string(model.articleHTML(article))
        context["evidence"] = .array(
            input.evidence.map { ["title": .string($0.title), "lines": .array($0.lines.map(TemplateValue.string))] })
        context["hasEvidence"] = .bool(!input.evidence.isEmpty)
        return (path, .object(context))
    }

    /// A box of the user's own figures beside an article.
    struct Box: Hashable {
        let title: String
        let lines: [String]
    }

    /// The user's own figures for articles' topics, made once a build: advice and evidence side by side.
    struct Evidence {
        var followUp: Box
        var thankYou: Box
        var silence: Box
        var feedback: Box

        func boxes(for topics: [String]) -> [Box] {
            var boxes: [Box] = []
            if topics.contains("follow-up") { boxes.append(followUp) }
            if topics.contains("thank-you") { boxes.append(thankYou) }
            if topics.contains("move-on") || topics.contains("upcoming") { boxes.append(silence) }
            if topics.contains("feedback-request") { boxes.append(feedback) }
            return boxes
        }

        init(_ s: Statistics) {
            let e = s.followUpEffect
            followUp = Box(
                title: "Following up, in your search",
                lines: [
                    "After applying, with a follow-up: \(Format.share(e.afterApplyingWith.answered, of: e.afterApplyingWith.applications)) answered.",
                    "Without: \(Format.share(e.afterApplyingWithout.answered, of: e.afterApplyingWithout.applications)) answered.",
                    "After a meeting, with a follow-up: \(Format.share(e.afterInterviewWith.answered, of: e.afterInterviewWith.applications)) decided; without: \(Format.share(e.afterInterviewWithout.answered, of: e.afterInterviewWithout.applications)).",
                ])
            let t = s.thankYou
            thankYou = Box(
                title: "Your thank-you notes",
                lines: [
                    "\(t.withinDeadline) of \(t.interviews) interviews thanked in time, \(t.late) late, \(t.missing) missing."
                ])
            var lines = s.silence.map { row in
                row.stillSilent == 0
                    ? "None still silent after \(row.afterDays) days."
                    : "Still silent after \(row.afterDays) days: \(row.stillSilent); later heard back: \(row.laterReplied) (\(Format.percent(row.share)))."
            }
            lines.append(
                "Half of your applications had an answer within \(Format.days(s.firstResponse.kmMedianDays)) (Kaplan–Meier, counting those still waiting)."
            )
            silence = Box(title: "How long silence lasted for you", lines: lines)
            feedback = Box(
                title: "Feedback in your search",
                lines: ["You asked for feedback \(s.feedback.asked) times and received it \(s.feedback.received) times."])
        }
    }
}
