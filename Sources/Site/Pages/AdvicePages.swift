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

    static func page(_ article: Article, _ model: SiteModel) -> (String, TemplateValue) {
        let path = SitePath.article(article.slug)
        var context = model.frame(path: path, title: article.title, kind: "advice")
        context["title"] = .string(article.title)
        context["date"] = .string(article.date.description)
        context["day"] = .string(Format.long(article.date))
        context["draft"] = .bool(article.isDraft)
        context["hasTags"] = .bool(!article.tags.isEmpty)
        context["tags"] = tagLinks(article.tags, from: path)
        context["body"] = .string(model.articleHTML(article))
        let evidence = evidence(for: article.topics, model: model)
        context["evidence"] = .array(evidence)
        context["hasEvidence"] = .bool(!evidence.isEmpty)
        return (path, .object(context))
    }

    /// The user's own figures for an article's topics: advice and evidence side by side.
    static func evidence(for topics: [String], model: SiteModel) -> [TemplateValue] {
        let s = model.stats
        var boxes: [TemplateValue] = []
        func box(_ title: String, _ lines: [String]) {
            boxes.append(["title": .string(title), "lines": .array(lines.map(TemplateValue.string))])
        }
        if topics.contains("follow-up") {
            let e = s.followUpEffect
            box(
                "Following up, in your search",
                [
                    "After applying, with a follow-up: \(Format.share(e.afterApplyingWith.answered, of: e.afterApplyingWith.applications)) answered.",
                    "Without: \(Format.share(e.afterApplyingWithout.answered, of: e.afterApplyingWithout.applications)) answered.",
                    "After a meeting, with a follow-up: \(Format.share(e.afterInterviewWith.answered, of: e.afterInterviewWith.applications)) decided; without: \(Format.share(e.afterInterviewWithout.answered, of: e.afterInterviewWithout.applications)).",
                ])
        }
        if topics.contains("thank-you") {
            let t = s.thankYou
            box(
                "Your thank-you notes",
                ["\(t.withinDeadline) of \(t.interviews) interviews thanked in time, \(t.late) late, \(t.missing) missing."])
        }
        if topics.contains("move-on") || topics.contains("upcoming") {
            var lines = s.silence.map { row in
                row.stillSilent == 0
                    ? "None still silent after \(row.afterDays) days."
                    : "Still silent after \(row.afterDays) days: \(row.stillSilent); later heard back: \(row.laterReplied) (\(Format.percent(row.share)))."
            }
            lines.append(
                "Half of your applications had an answer within \(Format.days(s.firstResponse.kmMedianDays)) (Kaplan–Meier, counting those still waiting)."
            )
            box("How long silence lasted for you", lines)
        }
        if topics.contains("feedback-request") {
            let asked = s.facts.filter { $0.past.contains { $0.kind == .feedbackRequest } }.count
            let got = s.facts.filter { $0.past.contains { $0.kind == .feedback } }.count
            box("Feedback in your search", ["You asked for feedback \(asked) times and received it \(got) times."])
        }
        return boxes
    }
}
