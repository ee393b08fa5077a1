import Foundation
import Testing

@testable import LoupeDashboard

struct TimeChartTests {
    let times: [Int64] = [1_800_000_000, 1_800_000_060, 1_800_000_120]

    @Test func seriesNamesAndTooltipsAreEscaped() throws {
        let chart = TimeChart(
            title: "Cost <per> model", format: .dollars, times: times, stepSeconds: 60,
            series: [.init(name: "<script>alert(1)</script>", values: [0.5, nil, 1.25])]
        ).render()
        #expect(!chart.contains("<script>"))
        #expect(chart.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(chart.contains("Cost &lt;per&gt; model"))
        // A gap (no value) breaks the line instead of drawing it through zero.
        let path = try #require(chart.split(separator: "class=\"line s0\" d=\"").dropFirst().first?.prefix { $0 != "\"" })
        #expect(path.filter { $0 == "M" }.count == 2 && !path.contains("L"))
        #expect(chart.contains("data-t0=\"1800000000\" data-t1=\"1800000180\""))
    }

    /// The last minute of a live view is still filling: dashed and shaded, joined to the full ones.
    @Test func aStepStillFillingIsDrawnAsPartial() throws {
        let chart = TimeChart(
            title: "Requests", format: .count, times: times, stepSeconds: 60,
            series: [.init(name: "requests", values: [100, 110, 20])], dataEnd: 1_800_000_150
        ).render()
        let full = try #require(chart.split(separator: "class=\"line s0\" d=\"").dropFirst().first?.prefix { $0 != "\"" })
        let partial = try #require(chart.split(separator: "class=\"line partial s0\" d=\"").dropFirst().first?.prefix { $0 != "\"" })
        #expect(full.filter { $0 == "L" }.count == 1)
        #expect(partial.filter { $0 == "M" }.count == 1 && partial.filter { $0 == "L" }.count == 1)
        #expect(chart.contains("<rect class=\"partial\""))
        #expect(chart.components(separatedBy: "(in progress)").count == 2)
        let complete = TimeChart(
            title: "Requests", format: .count, times: times, stepSeconds: 60, series: [.init(name: "requests", values: [1, 2, 3])],
            dataEnd: 1_800_000_180
        ).render()
        #expect(!complete.contains("partial"))
    }

    @Test func moreSeriesThanFitAreSummedAsOther() {
        let series = (0..<9).map { TimeChart.Series(name: "m\($0)", values: [Double($0), 1, nil]) }
        let shown = TimeChart.limited(series)
        #expect(shown.count == TimeChart.maxSeries)
        #expect(shown.last?.name == "other")
        // m0…m3 are the smallest four: 0+1+2+3 at the first step, 4 ones at the second, nothing at the third.
        #expect(shown.last?.values == [6, 4, nil])
    }
}
