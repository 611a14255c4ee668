import Foundation

/// The transforms a name may carry, `uppercased(name)` or `last()`, with the meanings
/// swift-mustache gives them, so themes written for it render the same.
enum Transforms {
    static let names: Set<String> = [
        "empty", "capitalized", "lowercased", "uppercased", "reversed", "first", "last", "count", "sorted", "enumerated",
        "equalzero", "plusone", "minusone", "even", "odd", "index",
    ]

    /// The transform of a value, or nil when it does not apply to that kind of value.
    static func apply(_ name: String, to value: TemplateValue) -> TemplateValue? {
        switch value {
        case .string(let text):
            switch name {
            case "empty": return .bool(text.isEmpty)
            case "capitalized": return .string(text.capitalized)
            case "lowercased": return .string(text.lowercased())
            case "uppercased": return .string(text.uppercased())
            case "reversed": return .string(String(text.reversed()))
            default: return nil
            }
        case .int(let number):
            switch name {
            case "equalzero": return .bool(number == 0)
            case "plusone": return .int(number &+ 1)
            case "minusone": return .int(number &- 1)
            case "even": return .bool(number & 1 == 0)
            case "odd": return .bool(number & 1 == 1)
            default: return nil
            }
        case .array(let items):
            switch name {
            case "first": return items.first
            case "last": return items.last
            case "reversed": return .array(items.reversed())
            case "count": return .int(items.count)
            case "empty": return .bool(items.isEmpty)
            case "sorted": return sorted(items).map(TemplateValue.array)
            default: return nil
            }
        case .object(let members):
            switch name {
            case "count": return .int(members.count)
            case "empty": return .bool(members.isEmpty)
            // Key order, so the output does not change from run to run.
            case "enumerated", "sorted":
                return .array(members.sorted.map { .object(["key": .string($0.key), "value": $0.value]) })
            default: return nil
            }
        case .null, .bool, .double:
            return nil
        }
    }

    /// Lists of strings or of numbers sort; other lists have no order.
    private static func sorted(_ items: [TemplateValue]) -> [TemplateValue]? {
        var strings: [String] = []
        var numbers: [Int] = []
        for item in items {
            switch item {
            case .string(let text) where numbers.isEmpty: strings.append(text)
            case .int(let number) where strings.isEmpty: numbers.append(number)
            default: return nil
            }
        }
        return strings.isEmpty ? numbers.sorted().map(TemplateValue.int) : strings.sorted().map(TemplateValue.string)
    }

    /// Where an item stands in the list being iterated: `first()`, `last()`, `index()`, `even()`, `odd()`.
    struct Position {
        var index: Int
        var isLast: Bool

        func apply(_ name: String) -> TemplateValue? {
            switch name {
            case "first": return .bool(index == 0)
            case "last": return .bool(isLast)
            case "index": return .int(index)
            case "even": return .bool(index & 1 == 0)
            case "odd": return .bool(index & 1 == 1)
            default: return nil
            }
        }
    }
}
