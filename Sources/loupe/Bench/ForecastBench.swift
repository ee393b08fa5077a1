import ArgumentParser
import Foundation
import LoupeCore

struct ForecastBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "MAPE and interval coverage of Loupe's forecast: a week of hourly cost forecast from four weeks, on held-out seeds 101–150."
    )

    @Option(help: "Multiplicative noise levels (standard deviation of the log), comma-separated.")
    var noise = "0.05,0.1,0.2"

    func run() throws {
        let levels = noise.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !levels.isEmpty, levels.allSatisfy({ $0 >= 0 && $0 < 2 }) else { throw ValidationError("--noise takes numbers from 0 to 2, like 0.05,0.1") }
        let seeds = Array(UInt64(101)...150)
        BenchFormat.say("""
            Hourly series with a daily cycle (±60%), quieter weekends, up to 30% growth; \(ForecastBenchmark.historyHours / 24) days of \
            history, \(ForecastBenchmark.horizonHours / 24) days forecast, \(seeds.count) seeds:
            """)
        for level in levels {
            let start = ContinuousClock.now
            let score = ForecastBenchmark.score(seeds: seeds, noise: level)
            let seconds = (ContinuousClock.now - start).seconds / Double(max(1, score.mape.count))
            BenchFormat.say(String(
                format: "  noise %.0f%%: MAPE mean %.1f%%, median %.1f%%; 95%% interval holds %.1f%% of actual values; %.0f ms per series",
                level * 100, score.meanMAPE * 100, score.medianMAPE * 100, score.meanCoverage * 100, seconds * 1_000
            ))
        }
    }
}
