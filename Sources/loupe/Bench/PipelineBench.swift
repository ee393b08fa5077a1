import ArgumentParser
import Foundation
import LoupeCore
import LoupeDemo
import LoupeOTLP
import LoupeServer
import LoupeStore
import LoupeStoreSQLite

struct PipelineBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Where ingest time goes, per stage: protobuf decode, normalisation, each enricher, the SQLite write."
    )

    @Option(help: "Spans to push through each stage.")
    var spans = 100_000

    @Option(help: "Spans per request body, as an exporter would batch them.")
    var batch = 512

    func run() async throws {
        let generator = DemoTrafficGenerator(seed: 5)
        let raw = Array(generator.traces(spans / 3 + 1, nowNanos: Int64(Date().timeIntervalSince1970 * 1e9)).joined().prefix(spans))
        let bodies = try stride(from: 0, to: raw.count, by: batch).map {
            Data(try OTLPTraceEncoder.protobufBody(from: Array(raw[$0..<min($0 + batch, raw.count)])))
        }
        BenchFormat.say("\(raw.count) spans in \(bodies.count) bodies of \(batch)")

        report("protobuf decode + validate (generated types)", count: raw.count) {
            for body in bodies { _ = (try? OTLPTraceDecoder.decode(protobuf: body).decodedSpans().spans) }
        }
        var decoded: [RawSpan] = []
        report("protobuf decode + validate (ingest's reader)", count: raw.count) {
            for body in bodies { decoded += (try? OTLPProtobufSpanReader.decodedSpans(body).spans) ?? [] }
        }
        let normalizer = SpanNormalizer()
        var records: [SpanRecord] = []
        report("normalise", count: decoded.count) { records = decoded.map { normalizer.normalize($0) } }
        for enricher in try LoupeApplication.defaultEnrichers() {
            report("enrich: \(type(of: enricher))", count: records.count) {
                for i in records.indices { enricher.enrich(&records[i]) }
            }
        }
        var batches: [SpanBatch] = []
        report("aggregate rollups + traces (request threads)", count: records.count) {
            batches = Self.batches(of: records, size: 10_000)
        }
        let path = BenchFormat.temporaryDatabase("pipeline.db")
        // 512 spans is one OTel SDK export request: the smallest commit a loaded server makes.
        let runs: [(SQLiteStoreOptions.Durability, Int)] = [(.full, 10_000), (.normal, 10_000), (.full, 512)]
        for (durability, size) in runs {
            let store = try SQLiteTelemetryStore(path: path + "-\(durability.rawValue)-\(size)", options: .init(durability: durability))
            let batches = size == 10_000 ? batches : Self.batches(of: records, size: size)
            let start = ContinuousClock.now
            let cpu = Self.cpuSeconds()
            for batch in batches { _ = try await store.write(batch) }
            try await store.flushAggregates()
            say("SQLite write (\(durability.rawValue), \(size) per commit, writer)", count: records.count, (ContinuousClock.now - start).seconds, cpu: Self.cpuSeconds() - cpu)
        }
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    private static func batches(of records: [SpanRecord], size: Int) -> [SpanBatch] {
        stride(from: 0, to: records.count, by: size).map { SpanBatch(Array(records[$0..<min($0 + size, records.count)])) }
    }

    private func report(_ stage: String, count: Int, _ body: () -> Void) {
        let start = ContinuousClock.now
        let cpu = Self.cpuSeconds()
        body()
        say(stage, count: count, (ContinuousClock.now - start).seconds, cpu: Self.cpuSeconds() - cpu)
    }

    /// Wall time per span, and CPU time per span, which other processes on the machine barely disturb.
    private func say(_ stage: String, count: Int, _ seconds: Double, cpu: Double) {
        let perSpan = { (s: Double) in String(format: "%7.2f", s * 1e6 / Double(max(count, 1))) }
        BenchFormat.say("\(stage.padding(toLength: 48, withPad: " ", startingAt: 0)) \(perSpan(seconds)) µs/span wall  \(perSpan(cpu)) µs/span CPU  \(BenchFormat.rate(count, seconds: seconds)) spans/s")
    }

    /// User plus system CPU time of this process, all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
