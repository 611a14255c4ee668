import Testing

@testable import Site

@Suite struct ChartNumberTests {
    /// What SVG.n must print: the value rounded to tenths, written the way Swift writes that Double,
    /// without a trailing ".0".
    static func reference(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    @Test func coordinatesPrintAsTheirTenths() {
        #expect(SVG.n(12) == "12")
        #expect(SVG.n(12.25) == "12.3")
        #expect(SVG.n(-0.04) == "0")
        #expect(SVG.n(-0.56) == "-0.6")
        #expect(SVG.n(620) == "620")
        #expect(SVG.n(.nan) == "0")
        var value = -2_000.0
        while value < 2_000 {
            #expect(SVG.n(value) == Self.reference(value), "\(value)")
            value += 0.0173
        }
    }
}
