import Foundation

/// What a template is rendered with: a typed tree of the values a page shows.
///
/// Page builders make these once per page; looking a name up is then a search of a short list of
/// keys, with no dynamic casts or reflection at render time (the cost that made the
/// general-purpose library slow for ten thousand pages).
public enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([TemplateValue])
    case object(TemplateObject)

    /// A value from a loosely typed dictionary (how the tests feed the same context to
    /// swift-mustache and to this engine): `String`, `Int`, `Bool`, `Double`, `NSNull`, optionals,
    /// arrays and `[String: Any]` dictionaries.
    public init(any value: Any) {
        switch value {
        case let value as TemplateValue: self = value
        case let text as String: self = .string(text)
        case let text as Substring: self = .string(String(text))
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let number as Double: self = .double(number)
        case let object as [String: Any]:
            self = .object(TemplateObject(object.sorted { $0.key < $1.key }.map { ($0.key, TemplateValue(any: $0.value)) }))
        case let list as [[String: Any]]: self = .array(list.map { TemplateValue(any: $0) })
        case let list as [String]: self = .array(list.map(TemplateValue.string))
        case let list as [Any]: self = .array(list.map(TemplateValue.init(any:)))
        case is NSNull: self = .null
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                self = mirror.children.first.map { TemplateValue(any: $0.value) } ?? .null
            } else {
                self = .string(String(describing: value))
            }
        }
    }

    /// The member `name` of an object; nil for every other value (scalars have no members).
    @inline(__always)
    func member(_ name: String) -> TemplateValue? {
        if case .object(let object) = self { return object[name] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

/// The members of a template object, in the order they were given.
///
/// A short list searched from the front rather than a dictionary: a page's objects have a dozen
/// keys or so, and comparing short strings is cheaper than hashing them, both when a page builds
/// its context and when a template looks names up.
public struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var members: [(key: String, value: TemplateValue)]
    /// Key → position, kept once an object grows past `indexedFrom` members, so that building or
    /// reading an object of 100,000 keys takes linear time, not quadratic.
    private var positions: [String: Int]?
    static let indexedFrom = 24
    /// The hash of everything this object is made from, when its maker can say: a render with a
    /// `TemplateMemo` reuses the object's output as an item of a list while the key, the template
    /// and the place are the same (and only when the item's section looked up nothing outside the
    /// item). Not part of equality.
    public var memoKey: Int?

    public init() { members = [] }

    /// Members from pairs; a later pair replaces an earlier one with the same key.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, TemplateValue) {
        members = []
        members.reserveCapacity(pairs.underestimatedCount)
        for (key, value) in pairs { self[key] = value }
    }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(elements) }

    public subscript(key: String) -> TemplateValue? {
        get {
            if let positions { return positions[key].map { members[$0].value } }
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            let found = positions.map { $0[key] } ?? members.firstIndex(where: { $0.key == key })
            if let index = found {
                if let newValue {
                    members[index].value = newValue
                } else {
                    members.remove(at: index)
                    if positions != nil { reindex() }
                }
            } else if let newValue {
                members.append((key, newValue))
                if positions != nil {
                    positions?[key] = members.count - 1
                } else if members.count > Self.indexedFrom {
                    reindex()
                }
            }
        }
    }

    private mutating func reindex() {
        var index: [String: Int] = [:]
        index.reserveCapacity(members.count)
        for (position, member) in members.enumerated() { index[member.key] = position }
        positions = index
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    /// Members in key order.
    public var sorted: [(key: String, value: TemplateValue)] { members.sorted { $0.key < $1.key } }

    /// The same members as a dictionary.
    public var dictionary: [String: TemplateValue] {
        Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// Equal when they hold the same keys with equal values, in any order.
    public static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        a.count == b.count && a.members.allSatisfy { b[$0.key] == $0.value }
    }
}
