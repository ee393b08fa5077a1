import LoupeAnalytics
import LoupeStore
import Testing

@testable import LoupeDashboard

struct DashboardQueryTests {
    let now: Int64 = 1_800_000_000 * 1_000_000_000
    let dimensions = TelemetryDimension.builtIn + [TelemetryDimension("business_unit")]

    @Test func presetsAndFiltersComeFromTheURL() throws {
        let query = try DashboardQuery(["range": "6h", "model": "gpt-4o", "business_unit": "sales"], dimensions: dimensions, nowNanos: now)
        #expect(query.preset == "6h")
        #expect(query.seconds == 21_600)
        #expect(query.filters == [.model: "gpt-4o", TelemetryDimension("business_unit"): "sales"])
        #expect(query.previousRange.toNanos == query.range.fromNanos)
        #expect(query.stepSeconds() == 300)
        #expect(query.stepSeconds(coarse: true) == 600)
    }

    @Test func aZoomIsAnAbsoluteRange() throws {
        let query = try DashboardQuery(["from": "1799990000", "to": "1799993600"], dimensions: dimensions, nowNanos: now)
        #expect(query.preset == nil)
        #expect(query.range.fromNanos == 1_799_990_000 * 1_000_000_000)
        #expect(query.stepSeconds() == 60)
    }

    @Test(arguments: [
        ["range": "2h"], ["from": "10"], ["from": "20", "to": "10"], ["colour": "blue"], ["from": "x", "to": "y"],
    ])
    func badParametersSayWhich(parameters: [String: String]) {
        #expect(throws: DashboardError.self) { try DashboardQuery(parameters, dimensions: dimensions, nowNanos: now) }
    }

    @Test func linksKeepTheStateAndEncodeValues() throws {
        let query = try DashboardQuery(["range": "1h", "service": "a b&c"], dimensions: dimensions, nowNanos: now)
        #expect(query.link("/ui/errors") == "/ui/errors?range=1h&service=a%20b%26c")
        #expect(query.link("/ui/", ["service": nil, "model": "é"]) == "/ui/?model=%C3%A9&range=1h")
    }
}

extension DashboardQueryTests {
    /// A link to another page carries the range and filters, not this page's own parameters.
    @Test func linksToOtherPagesDropThisPagesParameters() throws {
        let query = try DashboardQuery(
            ["range": "6h", "service": "rag", "fingerprint": "00aa", "by": "model"], dimensions: dimensions,
            pageParameters: ["fingerprint", "by"], nowNanos: now
        )
        #expect(query.link(to: "/ui/") == "/ui/?range=6h&service=rag")
        #expect(query.link(to: "/ui/traces", ["user": "u1"]) == "/ui/traces?range=6h&service=rag&user=u1")
    }
}
