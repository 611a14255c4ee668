import Testing

@testable import Templates

/// Renders `main` (and any other named templates) with `value`, as text.
func render(_ main: String, _ value: TemplateValue = [:], partials: [String: String] = [:]) throws -> String {
    var library = TemplateLibrary()
    try library.register(main, named: "main")
    for (name, text) in partials { try library.register(text, named: name) }
    return String(decoding: try #require(try library.render(value, template: "main")), as: UTF8.self)
}

@Suite struct TemplateRenderingTests {
    @Test func variablesEscapeHTMLUnlessTripleOrAmpersand() throws {
        let value: TemplateValue = ["x": "<a href=\"q\">Tom & Jerry's</a>", "n": 42, "yes": true, "d": 1.5]
        #expect(try render("{{x}}", value) == "&lt;a href=&quot;q&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{&x}}", value) == "<a href=\"q\">Tom & Jerry's</a>|<a href=\"q\">Tom & Jerry's</a>")
        #expect(try render("{{n}} {{yes}} {{d}} [{{missing}}]", value) == "42 true 1.5 []")
    }

    @Test func namesResolveInnermostFirstAndDottedNamesDoNotFallBack() throws {
        let value: TemplateValue = [
            "name": "outer", "a": ["b": ["c": "deep"]], "items": [["name": "one"], ["other": "x"]],
            "inner": ["a": ["x": 1]],
        ]
        #expect(try render("{{#items}}{{name}},{{/items}}", value) == "one,outer,")
        #expect(try render("{{a.b.c}}", value) == "deep")
        // `a` is found in `inner`, which has no `b`: the outer `a.b.c` is not consulted.
        #expect(try render("{{#inner}}[{{a.b.c}}]{{/inner}}", value) == "[]")
        #expect(try render("{{#items}}[{{.name}}]{{/items}}", value) == "[one][]")
    }

    @Test func sectionsFollowTheKindOfValue() throws {
        let value: TemplateValue = [
            "t": true, "f": false, "none": nil, "empty": [], "zero": 0, "blank": "", "list": [1, 2, 3],
            "obj": ["k": "v"],
        ]
        #expect(try render("{{#t}}T{{/t}}{{#f}}F{{/f}}{{#none}}N{{/none}}{{#empty}}E{{/empty}}", value) == "T")
        #expect(
            try render("{{^t}}T{{/t}}{{^f}}F{{/f}}{{^none}}N{{/none}}{{^empty}}E{{/empty}}{{^missing}}M{{/missing}}", value)
                == "FNEM")
        // As in swift-mustache, zero and the empty string are values, so their sections render.
        #expect(try render("{{#zero}}Z{{.}}{{/zero}}{{#blank}}B{{/blank}}", value) == "Z0B")
        #expect(try render("{{#list}}{{.}}{{^last()}}, {{/last()}}{{/list}}", value) == "1, 2, 3")
        #expect(try render("{{#list}}{{#first()}}[{{/first()}}{{index()}}{{/list}}", value) == "[012")
        #expect(try render("{{#obj}}{{k}}{{/obj}}", value) == "v")
    }

    @Test func transformsApplyInnermostFirst() throws {
        let value: TemplateValue = ["s": "abc", "n": 4, "list": ["b", "a"], "obj": ["y": 2, "x": 1]]
        #expect(try render("{{uppercased(s)}} {{reversed(s)}} {{plusone(n)}} {{minusone(plusone(n))}}", value) == "ABC cba 5 4")
        #expect(try render("{{count(list)}} {{#sorted(list)}}{{.}}{{/sorted(list)}} {{first(list)}}", value) == "2 ab b")
        #expect(try render("{{#sorted(obj)}}{{key}}={{value}};{{/sorted(obj)}}", value) == "x=1;y=2;")
        #expect(try render("{{#even(n)}}even{{/even(n)}}{{^empty(s)}} full{{/empty(s)}}", value) == "even full")
    }

    @Test func standaloneTagsTakeTheirLineWithThem() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(template, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("a {{#t}}\nb{{/t}} c", ["t": true]) == "a \nb c")
        #expect(try render("x\r\n{{#t}}\r\ny\r\n{{/t}}\r\n", ["t": true]) == "x\r\ny\r\n")
    }

    @Test func standalonePartialsIndentEveryLine() throws {
        let partials = ["p": "one\ntwo {{x}}\n"]
        #expect(try render("<div>\n  {{>p}}\n</div>", ["x": "2"], partials: partials) == "<div>\n  one\n  two 2\n</div>")
        #expect(try render("a {{>p}}b", ["x": "2"], partials: partials) == "a one\ntwo 2\nb")
        #expect(try render("[{{>missing}}]") == "[]")
    }

    @Test func parentsFillTheirBlocksAndTheOutermostOverrideWins() throws {
        let partials = [
            "layout": "<title>{{$title}}Untitled{{/title}}</title>\n<main>{{$body}}{{/body}}</main>\n",
            "middle": "{{<layout}}{{$title}}Middle{{/title}}{{$body}}from middle{{/body}}{{/layout}}",
        ]
        #expect(
            try render("{{<layout}}{{$body}}Hi {{name}}{{/body}}{{/layout}}", ["name": "Ann"], partials: partials)
                == "<title>Untitled</title>\n<main>Hi Ann</main>\n")
        #expect(
            try render("{{<middle}}{{$title}}Top{{/title}}{{/middle}}", [:], partials: partials)
                == "<title>Top</title>\n<main>from middle</main>\n")
    }

    @Test func delimitersAndContentTypeCanChange() throws {
        #expect(try render("{{=<% %>=}}<% x %> {{x}}", ["x": "<b>"]) == "&lt;b&gt; {{x}}")
        #expect(try render("{{x}}\n{{% CONTENT_TYPE: TEXT }}\n{{x}}", ["x": "<b>"]) == "&lt;b&gt;\n<b>")
    }

    @Test func syntaxErrorsSayLineAndColumn() {
        func failure(_ template: String) -> TemplateSyntaxError? {
            var library = TemplateLibrary()
            do {
                try library.register(template, named: "t")
                return nil
            } catch {
                return error
            }
        }
        #expect(
            failure("a\n  {{#open}}\nb") == TemplateSyntaxError(line: 2, column: 3, message: "section 'open' is never closed"))
        #expect(failure("{{#a}}x{{/b}}")?.line == 1)
        #expect(failure("{{#a}}x{{/b}}")?.column == 11)
        #expect(failure("one\ntwo {{bad name}}")?.description.hasPrefix("2:") == true)
        #expect(failure("{{nosuch(x)}}")?.message.contains("unknown transform 'nosuch()'") == true)
        #expect(failure("{{<p}}text {{x}}{{/p}}")?.message.contains("only {{$block}} overrides") == true)
        #expect(failure("{{! never closed") != nil)
        #expect(failure("{{{x}}") != nil)
    }

    @Test func aPartialThatIncludesItselfIsAnErrorNotACrash() throws {
        var library = TemplateLibrary()
        try library.register("again {{>loop}}", named: "loop")
        #expect(throws: TemplateRenderError.self) { try library.render([:], template: "loop") }
    }

    @Test func valuesConvertFromLooselyTypedDictionaries() {
        let optional: String? = nil
        let value = TemplateValue(any: [
            "s": "x", "n": 1, "b": false, "list": [["k": 1]], "words": ["a"], "none": optional as Any,
        ])
        #expect(value == ["s": "x", "n": 1, "b": false, "list": [["k": 1]], "words": ["a"], "none": nil])
    }
}
