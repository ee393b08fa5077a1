import LoupeCore
import Testing

struct AnomalyDetectorTests {
    /// Expected values from References/robust_baseline.py (NumPy and SciPy).
    @Test func theBaselineIsTheMedianAndScaledMADOfEarlierPoints() throws {
        let values: [Double?] = [12.0, 15.5, 9.0, 14.0, 11.0, 13.5, 10.0, 12.5, 30.0, 11.5, 12.0, 99]
        let baseline = try #require(RobustBaseline.at(11, of: values, calendar: .init(stepSeconds: 60)))
        #expect(baseline.median == 12.0)
        #expect(abs(baseline.spread - 2.2239) < 1e-9)
        #expect(baseline.kind == .trailing && baseline.points == 11)
        // An outlier in the history (30) moves neither: a past incident does not poison the baseline.
        #expect(RobustBaseline.at(5, of: values, calendar: .init(stepSeconds: 60), minimumPoints: 10) == nil)
    }

    @Test func withADayOfHistoryTheBaselineIsTheSameTimeOfDay() throws {
        // Five-minute steps: 288 a day. Yesterday around this time the series was 100; since, 10.
        var values = [Double?](repeating: 10, count: 300)
        for i in 0..<40 { values[i] = 100 }
        let baseline = try #require(RobustBaseline.at(295, of: values, calendar: .init(stepSeconds: 300)))
        #expect(baseline.kind == .seasonal && baseline.median == 100)
    }

    @Test func aDayAgoThatWasNotStoredFallsBackToTheHourBefore() throws {
        // The store started collecting two hours ago: a day back is unknown, so the trailing points judge.
        var values = [Double?](repeating: nil, count: 320)
        for i in 296..<320 { values[i] = 10 }
        let baseline = try #require(RobustBaseline.at(319, of: values, calendar: .init(stepSeconds: 300)))
        #expect(baseline.kind == .trailing && baseline.median == 10 && baseline.points == 23)
    }

    @Test func aSpikeIsFoundWithItsExpectedValueAndBand() throws {
        var values = [Double?](repeating: nil, count: 120)
        for i in values.indices { values[i] = 100 + Double(i % 5) }
        for i in 90..<96 { values[i] = 400 }
        let found = AnomalyDetector().detect(values, calendar: .init(stepSeconds: 60))
        let spike = try #require(found.first)
        #expect(found.count == 1 && spike.direction == .spike && spike.start == 90 && spike.end == 95)
        #expect(spike.observed == 400 && spike.expected == 102 && spike.upper < 400)
    }

    /// A few held-out seeds of the benchmark (`loupe bench anomalies` runs fifty): the detector
    /// with its defaults, chosen on seeds 1–20, finds every incident and raises no false alarm.
    @Test func heldOutIncidentsAreFoundWithoutFalseAlarms() {
        let scores = AnomalyBenchmark.score(AnomalyDetector(), seeds: [201, 202, 203])
        for (kind, score) in scores where kind != .clean {
            #expect(score.f1 >= 0.9, "\(kind): precision \(score.precision), recall \(score.recall)")
        }
        #expect((scores[.clean]?.falseAlarmsPerDay ?? 1) <= 1)
    }
}
