/// OpenTelemetry's error-recording keys, as spans and failure events carry them.
public enum ErrorAttributes {
    /// Stable in OpenTelemetry: a low-cardinality error class; Loupe writes the error's type name.
    public static let errorType = "error.type"
    public static let exceptionType = "exception.type"
    public static let exceptionMessage = "exception.message"

    /// The fully qualified type name of `error` (`MyApp.ProviderError`): stable across
    /// occurrences, unlike its message, so it groups well.
    public static func typeName(of error: any Error) -> String {
        String(reflecting: type(of: error))
    }
}
