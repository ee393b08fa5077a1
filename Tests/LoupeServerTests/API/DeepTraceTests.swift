import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeStore
import LoupeStoreSQLite
import NIOCore
import Testing

@testable import LoupeServer

@Suite("A trace of 50,000 nested spans")
struct DeepTraceTests {
    @Test func isServedByTheAPIAndTheDashboardWithoutOverflowingTheStack() async throws {
        let trace = "0af7651916cd43dd8448eb211c80319c"
        // Deep enough that any recursion over the tree would overflow a thread's stack many times over;
        // 100,000 took past the test client's fixed 20 s per request on two busy cores in a debug build.
        let depth = 50_000
        let start = LiveServer.now - 60_000_000_000
        let spans = (0..<depth).map { (i: Int) -> SpanRecord in
            let parent: String? = i == 0 ? nil : String(format: "%016x", i)
            let operation: OperationKind = i % 3 == 0 ? .chain : .tool
            let begins: Int64 = start + Int64(i) * 1_000
            let ends: Int64 = start + Int64(2 * depth - i) * 1_000
            return SpanRecord(
                traceId: trace, spanId: String(format: "%016x", i + 1), parentSpanId: parent, name: "step \(i)",
                operation: operation, startNanos: begins, endNanos: ends)
        }
        // Building, storing and decoding 100,000 spans here takes seconds of CPU: off the cooperative
        // threads, so the tests running beside this one are not starved of them.
        try await withTaskExecutorPreference(ComputeExecutor.shared) {
        try await LiveServer.run { client, store in
            _ = try await store.writeAndFlush(spans)
            let (status, body) = try await LiveServer.json(client, "/api/v1/traces/\(trace)")
            #expect(status == .ok)
            #expect(body["span_count"] as? Int == depth)
            let listed = try #require(body["spans"] as? [[String: Any]])
            #expect(listed.count == depth)
            #expect(listed.last?["depth"] as? Int == depth - 1)
            let page = try await client.execute(uri: "/ui/traces/\(trace)", method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("spans 1–400 of 50000"))
        }
        }
    }
}
