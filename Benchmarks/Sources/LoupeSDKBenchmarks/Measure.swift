import MallocInterposerSwift

/// Times `body` over many iterations and counts the allocations it makes, per iteration.
struct Measure {
    let iterations: Int

    struct Result {
        var name: String
        var nanosPerOperation: Double
        var allocationsPerOperation: Double
    }

    func run(_ name: String, operationsPerIteration: Int = 1, _ body: () -> Void) -> Result {
        for _ in 0..<max(1, iterations / 100) { body() }  // warm caches and lazily built tables
        MallocInterposerSwift.initialize()
        MallocInterposerSwift.hook()
        let start = ContinuousClock.now
        for _ in 0..<iterations { body() }
        let elapsed = ContinuousClock.now - start
        MallocInterposerSwift.unhook()
        let allocations = MallocInterposerSwift.getStatistics().mallocCount
        let operations = Double(iterations * operationsPerIteration)
        let nanos = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        return Result(name: name, nanosPerOperation: nanos / operations, allocationsPerOperation: Double(allocations) / operations)
    }
}

/// Keeps the optimiser from deleting work whose result is unused.
@inline(never) func blackHole<T>(_ value: T) { _ = value }

extension Measure {
    /// ``run(_:operationsPerIteration:_:)`` for asynchronous work.
    func run(_ name: String, operationsPerIteration: Int = 1, _ body: () async throws -> Void) async rethrows -> Result {
        for _ in 0..<max(1, iterations / 100) { try await body() }
        MallocInterposerSwift.initialize()
        MallocInterposerSwift.hook()
        let start = ContinuousClock.now
        for _ in 0..<iterations { try await body() }
        let elapsed = ContinuousClock.now - start
        MallocInterposerSwift.unhook()
        let allocations = MallocInterposerSwift.getStatistics().mallocCount
        let operations = Double(iterations * operationsPerIteration)
        let nanos = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        return Result(name: name, nanosPerOperation: nanos / operations, allocationsPerOperation: Double(allocations) / operations)
    }
}
