import Synchronization

/// The process-wide "is anybody listening" flag that every emit checks first.
///
/// It counts the ``Telemetry`` instances that have at least one handler attached. Zero means no
/// event can reach a handler, so an emit is one relaxed atomic load and a branch. The count is
/// global rather than per instance so that the ambient ``Telemetry/emit(_:measurements:metadata:)``
/// can answer before it looks up the task-local instance.
@usableFromInline
enum ListenerGate {
    // A constant-initialised global: the compiler emits it statically, so reading it needs no
    // lazy-initialisation check.
    @usableFromInline
    static let listeningInstances = Atomic<Int>(0)

    @inlinable
    static var isOpen: Bool {
        listeningInstances.load(ordering: .relaxed) != 0
    }

    static func instanceStartedListening() {
        listeningInstances.add(1, ordering: .relaxed)
    }

    static func instanceStoppedListening() {
        listeningInstances.subtract(1, ordering: .relaxed)
    }
}
