import ServiceLifecycle

extension Clock where Duration == Swift.Duration {
    /// Runs `body` every `interval` on this clock, after the first interval, until the service
    /// group shuts down gracefully or the task is cancelled: the loop of every background service
    /// (store upkeep, alert evaluation, retention).
    func periodically(every interval: Duration, _ body: () async -> Void) async {
        while true {
            do {
                try await cancelWhenGracefulShutdown { try await self.sleep(for: interval) }
            } catch {
                return  // shutting down or cancelled
            }
            await body()
        }
    }
}
