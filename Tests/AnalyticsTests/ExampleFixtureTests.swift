import Analytics
import Foundation
import Journal
import TestSupport
import Testing

/// Every worked example of the spec (copied into Tests/Fixtures/stats) gives its expected figures.
@Suite struct ExampleFixtureTests {
    static let root = TestPaths.fixtures.appendingPathComponent("stats")

    static var examples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    }

    @Test func fixturesArePresent() {
        #expect(Self.examples.count >= 18)
    }

    @Test(arguments: examples)
    func example(_ name: String) throws {
        let folder = Self.root.appendingPathComponent(name)
        let expectedData = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let today = try #require(CivilDate(iso: expected["today"] as? String ?? ""))
        var journal = JournalLoader.load(content: folder.appendingPathComponent("Content"))
        #expect(!journal.hasErrors, "\(journal.diagnostics)")
        if name.contains("public") { journal = PublicJournal.make(journal) }
        let text = StatsJSON.value(Analyzer.statistics(journal, today: today)).serialized(pretty: true)
        let actual = try JSONSerialization.jsonObject(with: Data(text.utf8))
        var problems: [String] = []
        JSONSubset.compare(expected, actual, path: name, problems: &problems)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}

/// The comparison examples/README.md asks for: numbers within 1e-4, strings ignoring case, lists in
/// order, and only the keys the expected file shows.
enum JSONSubset {
    static func compare(_ expected: Any, _ actual: Any, path: String, problems: inout [String]) {
        switch expected {
        case let object as [String: Any]:
            guard let other = actual as? [String: Any] else {
                problems.append("\(path): expected an object, got \(actual)")
                return
            }
            for (key, value) in object {
                guard let found = other[key] else {
                    problems.append("\(path).\(key): missing")
                    continue
                }
                compare(value, found, path: "\(path).\(key)", problems: &problems)
            }
        case let list as [Any]:
            guard let other = actual as? [Any], other.count == list.count else {
                problems.append("\(path): expected \(list.count) items, got \(actual)")
                return
            }
            for (index, pair) in zip(list, other).enumerated() {
                compare(pair.0, pair.1, path: "\(path)[\(index)]", problems: &problems)
            }
        case let text as String:
            if (actual as? String)?.lowercased() != text.lowercased() {
                problems.append("\(path): expected \(text), got \(actual)")
            }
        case is NSNull:
            if !(actual is NSNull) { problems.append("\(path): expected null, got \(actual)") }
        case let number as NSNumber:
            guard let other = actual as? NSNumber, !(actual is NSNull) else {
                problems.append("\(path): expected \(number), got \(actual)")
                return
            }
            if abs(number.doubleValue - other.doubleValue) > 1e-4 {
                problems.append("\(path): expected \(number), got \(other)")
            }
        default:
            problems.append("\(path): cannot compare \(expected)")
        }
    }
}
