import Testing

@testable import LoupeDashboard

struct NiceScaleTests {
    /// An empty chart still has an axis (0 to 1); otherwise about four steps of 1, 2, 2.5 or 5 × 10ⁿ.
    @Test(arguments: [
        (0.0, [0, 0.25, 0.5, 0.75, 1]), (1.0, [0, 0.25, 0.5, 0.75, 1]), (7.0, [0, 2, 4, 6, 8]), (130.0, [0, 50, 100, 150]),
        (2_345.0, [0, 1_000, 2_000, 3_000]), (0.0042, [0, 0.002, 0.004, 0.006]),
    ] as [(Double, [Double])])
    func ticksAreRoundAndCoverTheMaximum(max: Double, expected: [Double]) {
        let scale = NiceScale(maxValue: max)
        #expect(scale.ticks.count == expected.count)
        for (tick, want) in zip(scale.ticks, expected) { #expect(abs(tick - want) < 1e-12) }
        #expect(scale.max >= max)
    }
}
