import LoupeCore

/// A label spans can be grouped and filtered by, named as the API names it.
public struct TelemetryDimension: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public static let project = TelemetryDimension("project")
    public static let service = TelemetryDimension("service")
    public static let operation = TelemetryDimension("operation")
    public static let provider = TelemetryDimension("provider")
    public static let model = TelemetryDimension("model")
    public static let status = TelemetryDimension("status")
    public static let errorCategory = TelemetryDimension("error_category")
    public static let user = TelemetryDimension("user")

    /// The dimensions every span has; any other name is a configured business dimension.
    public static let builtIn: [TelemetryDimension] = [.project, .service, .operation, .provider, .model, .status, .errorCategory, .user]

    public var isBuiltIn: Bool { Self.builtIn.contains(self) }
    public var description: String { name }
    public static func < (a: TelemetryDimension, b: TelemetryDimension) -> Bool { a.name < b.name }
}

extension SpanRecord {
    /// This span's value for a dimension; empty when it has none (e.g. no model on a tool span).
    public func value(of dimension: TelemetryDimension) -> String {
        switch dimension {
        case .project: return project
        case .service: return service
        case .operation: return operation.rawValue
        case .provider: return provider ?? ""
        case .model: return model ?? ""
        case .status: return isError ? "error" : "ok"
        case .errorCategory: return isError ? (errorCategory ?? "unknown") : ""
        case .user: return userId ?? ""
        default: return dimensions[dimension.name] ?? ""
        }
    }
}
