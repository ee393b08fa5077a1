import NIOPosix

/// A task executor on NIO's blocking thread pool, for request handlers that do seconds of CPU work
/// (a trace of 100,000 spans, a body of thousands): run under
/// `withTaskExecutorPreference(ComputeExecutor.shared)`, their synchronous stretches leave Swift's
/// cooperative threads (one per core) to the requests that would otherwise wait behind them.
final class ComputeExecutor: TaskExecutor {
    static let shared = ComputeExecutor(pool: .singleton)

    private let pool: NIOThreadPool

    init(pool: NIOThreadPool) {
        self.pool = pool
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        pool.submit { _ in job.runSynchronously(on: executor) }
    }
}
