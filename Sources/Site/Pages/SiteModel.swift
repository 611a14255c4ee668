import Analytics
import Foundation
import Journal
import Markdown
import Templates

/// Everything the page builders share: the journal, its figures, slugs of companies and tags, and
/// the parts every page shows (`shared`). Built once per build; a class, so the thousands of page
/// jobs that hold it share one copy.
final class SiteModel: @unchecked Sendable {
    let journal: Journal
    let stats: Statistics
    let options: BuildOptions
    /// What every page shows; application and company pages see nothing else of the model.
    let shared: PageFrame
    /// Company key → page slug (numbered like application slugs when two names give the same slug).
    let companySlugs: [String: String]
    /// Application slug → its facts.
    let factsBySlug: [String: ApplicationFacts]
    /// Application slug → its actions.
    let actionsBySlug: [String: [Action]]
    /// stats.json, made once: the data file and the pages' `figures` are the same value.
    let statsJSON: JSONValue
    /// The boxes of the user's own figures that article pages show.
    let evidence: AdvicePages.Evidence
    /// Pieces kept from the previous build of a serve session (nil in a one-off build).
    var fragments: Fragments? = nil

    init(journal: Journal, stats: Statistics, options: BuildOptions) {
        self.journal = journal
        self.stats = stats
        self.options = options
        shared = PageFrame(journal: journal, stats: stats, options: options)
        var slugs: [String: String] = [:]
        var numbering = SlugNumbering()
        let bases = Parallel.map(stats.companies) { Slug.make($0.company, fallback: "company") }
        for (company, base) in zip(stats.companies, bases) { slugs[company.key] = numbering.next(base) }
        companySlugs = slugs
        var facts: [String: ApplicationFacts] = [:]
        for fact in stats.facts { facts[fact.slug] = fact }
        factsBySlug = facts
        var actions: [String: [Action]] = [:]
        for action in stats.actions { actions[action.application, default: []].append(action) }
        actionsBySlug = actions
        statsJSON = StatsJSON.value(stats)
        evidence = AdvicePages.Evidence(stats)
    }

    /// The items of an index page's list, each made from its input alone (`make` must read
    /// nothing else). In a serve session they are kept between builds and carry their key as
    /// `memoKey`, so the template engine reuses their rendered rows too: a one-line edit makes one
    /// row again.
    func items<Input: Hashable>(_ list: String, _ inputs: [Input], make: (Input) -> TemplateObject) -> [TemplateValue] {
        guard let fragments else { return inputs.map { .object(make($0)) } }
        let keys = inputs.map { input in
            var hasher = Hasher()
            hasher.combine(list)
            hasher.combine(input)
            return hasher.finalize()
        }
        return fragments.values(list, keys: keys) { index -> TemplateObject in
            var object = make(inputs[index])
            object.memoKey = keys[index]
            return object
        }.map { .object($0) }
    }

    /// One item, as `items` makes them.
    func item<Input: Hashable>(_ list: String, _ input: Input, make: () -> TemplateObject) -> TemplateValue {
        items(list, [input]) { _ in make() }[0]
    }

    /// Values made the first time a page asks (on whichever core) and shared after that.
    struct Made {
        var reportWeeks: [ReportPage.Week]?
    }
    private var made = Made()
    private let madeLock = NSLock()

    /// The value at `key`, made by `make` once; pages on other cores wait for it rather than
    /// making it again.
    func once<T>(_ key: WritableKeyPath<Made, T?>, _ make: () -> T) -> T {
        madeLock.lock()
        defer { madeLock.unlock() }
        if let value = made[keyPath: key] { return value }
        let value = make()
        made[keyPath: key] = value
        return value
    }

    var today: CivilDate { options.today }
    var articles: [Article] { shared.articles }
    static let adviceLimit = PageFrame.adviceLimit

    /// The frame of every page: site, page, root, navigation, robots.
    func frame(path: String, title: String, kind: String) -> TemplateObject {
        shared.context(path: path, title: title, kind: kind)
    }

    func companySlug(for app: Application) -> String {
        companySlugs[app.companyKey] ?? Slug.make(app.company, fallback: "company")
    }

    func articles(about topic: String) -> [Article] { shared.articles(about: topic) }
    func articleLinks(_ slugs: [String], from path: String) -> [TemplateValue] { shared.articleLinks(slugs, from: path) }
    func actionContext(_ action: Action, from path: String) -> TemplateValue { shared.actionContext(action, from: path) }
    func articleHTML(_ article: Article) -> String { shared.articleHTML(article) }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// A value for a template: the text, or nothing at all.
func orNull(_ value: String?) -> TemplateValue { value.map(TemplateValue.string) ?? .null }
