import Foundation
import Testing

@testable import Templates

/// No template can crash the build: deep nesting, cycles and huge output end in a located error;
/// data-driven recursion a thousand levels deep still renders; objects build in linear time.
@Suite struct EngineLimitTests {
    func render(_ templates: [String: String], _ value: TemplateValue, _ name: String = "main") throws -> String {
        var library = TemplateLibrary()
        for (key, text) in templates { try library.register(text, named: key) }
        return String(decoding: try library.render(value, template: name) ?? [], as: UTF8.self)
    }

    @Test func thousandsOfNestedSectionsAreALocatedError() {
        let text = String(repeating: "{{#a}}", count: 4_000) + "x" + String(repeating: "{{/a}}", count: 4_000)
        do {
            _ = try TemplateParser.parse(text)
            Issue.record("accepted")
        } catch {
            #expect("\(error)".contains("sections nest more than 500 deep"))
            #expect("\(error)".hasPrefix("1:"))
        }
    }

    @Test func aPartialCycleWithManySectionsIsAnErrorNotACrash() {
        let sections = String(repeating: "{{#t}}", count: 200) + "{{>loop}}" + String(repeating: "{{/t}}", count: 200)
        #expect(throws: TemplateRenderError.self) { _ = try render(["main": "{{>loop}}", "loop": sections], ["t": true]) }
        #expect(throws: TemplateRenderError.self) { _ = try render(["main": "{{>main}}"], [:]) }
    }

    @Test func dataRecursionAThousandLevelsDeepRenders() throws {
        var node: TemplateValue = ["name": "leaf", "children": []]  // (without it, the leaf would see its parent's children)
        for level in 0..<1_000 { node = ["name": .string("n\(level)"), "children": [node]] }
        let text = try render(["main": "{{>node}}", "node": "{{name}};{{#children}}{{>node}}{{/children}}"], node)
        #expect(text.hasPrefix("n999;n998;"))
        #expect(text.hasSuffix("n0;leaf;"))
        #expect(text.split(separator: ";").count == 1_001)
    }

    @Test(.timeLimit(.minutes(1))) func largeObjectsBuildInLinearTime() {
        var object = TemplateObject()
        for index in 0..<100_000 { object["k\(index)"] = .int(index) }
        object["k5"] = .int(-5)
        #expect(object.count == 100_000)
        #expect(object["k99999"] == .int(99_999) && object["k5"] == .int(-5) && object["missing"] == nil)
        object["k7"] = nil
        #expect(object.count == 99_999 && object["k7"] == nil && object["k8"] == .int(8))
    }

    @Test func crlfPartialsAreIndentedLikeLFOnes() throws {
        let lf = try render(["main": "<ul>\n  {{>items}}\n</ul>\n", "items": "<li>a</li>\n<li>b</li>\n"], [:])
        let crlf = try render(["main": "<ul>\r\n  {{>items}}\r\n</ul>\r\n", "items": "<li>a</li>\r\n<li>b</li>\r\n"], [:])
        #expect(lf == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(crlf == "<ul>\r\n  <li>a</li>\r\n  <li>b</li>\r\n</ul>\r\n")
    }

    @Test func aPageOverTheSizeLimitIsAnError() {
        let megabyte = TemplateValue.string(String(repeating: "x", count: 1 << 20))
        let items = TemplateValue.array(Array(repeating: ["m": megabyte], count: 120))
        do {
            _ = try render(["main": "{{#items}}{{m}}{{/items}}"], ["items": items])
            Issue.record("a 120 MB page was written")
        } catch {
            #expect("\(error)".contains("larger than 100 MB"))
        }
    }
}
