import Synchronization

/// The one process-wide box: the ``Telemetry`` instance that ``Telemetry/current`` returns
/// outside any ``withTelemetry(_:_:)`` scope.
///
/// Bootstrap once, at startup, after attaching the process's handlers:
///
/// ```swift
/// let telemetry = Telemetry(configuration: .init(pricing: try .builtIn()))
/// try telemetry.attach("otlp", to: [.all], handler: exporter)
/// TelemetrySystem.bootstrap(telemetry)
/// ```
///
/// Libraries never bootstrap; they use ``Telemetry/current`` or accept a ``Telemetry``. Tests
/// never bootstrap either: they scope an instance with ``withTelemetry(_:_:)``.
public enum TelemetrySystem {
    private static let bootstrapped = Mutex<Telemetry?>(nil)

    /// What ``Telemetry/current`` returns before bootstrap. Handlers attached to it are not carried
    /// over by ``bootstrap(_:)``; attach to the instance you bootstrap.
    private static let unbootstrapped = Telemetry()

    @TaskLocal
    static var scoped: Telemetry?

    /// Makes `telemetry` the process-wide instance.
    ///
    /// - Precondition: called at most once per process. To add destinations later, attach more
    ///   handlers to the bootstrapped instance instead.
    public static func bootstrap(_ telemetry: Telemetry) {
        bootstrapped.withLock { current in
            precondition(
                current == nil,
                "TelemetrySystem can only be bootstrapped once per process; attach more handlers to the bootstrapped Telemetry instead."
            )
            current = telemetry
        }
    }

    /// The bootstrapped instance, or the unbootstrapped default.
    static var global: Telemetry {
        bootstrapped.withLock { $0 } ?? unbootstrapped
    }
}
