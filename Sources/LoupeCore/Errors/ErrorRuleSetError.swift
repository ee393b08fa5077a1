import Foundation

/// Why a set of error rules was rejected. Every case reads as a sentence naming the rule or the
/// place in the file, because the person reading it is fixing a config file, not debugging Loupe.
public enum ErrorRuleSetError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The data is not JSON at all.
    case notJSON(reason: String)
    /// The JSON does not have the expected shape; `path` is like `rules[2].category`.
    case invalidFormat(path: String, reason: String)
    /// The file declares a format version this build does not understand.
    case unsupportedVersion(Int)
    /// A rule is well-formed JSON but cannot work as written.
    case invalidRule(id: String, reason: String)
    /// Two rules share an id, so classifications could not be traced back to one of them.
    case duplicateRuleId(String)

    public var description: String {
        switch self {
        case .notJSON(let reason):
            return "The error rules file is not valid JSON: \(reason)"
        case .invalidFormat(let path, let reason):
            return path.isEmpty
                ? "The error rules file is not in the expected format: \(reason)"
                : "The error rules file is invalid at \(path): \(reason)"
        case .unsupportedVersion(let version):
            return "The error rules file has version \(version), but this version of Loupe only reads version 1."
        case .invalidRule(let id, let reason):
            return "Error rule '\(id)' \(reason)"
        case .duplicateRuleId(let id):
            return "Error rule id '\(id)' is used by more than one rule; ids must be unique."
        }
    }

    public var errorDescription: String? { description }
}
