import LoupeAnalytics

/// Reads the ROI values file (``RoiValues``), with every mistake told as an `AlertRuleError`
/// naming where it is, as the rules and budgets files are.
public enum RoiValuesFile {
    public static func load(text: String, dimensions: [String]) throws(AlertRuleError) -> RoiValues {
        let values = try YAMLFile.decode(RoiValues.self, from: text)
        if let problem = values.problem { throw .invalid("ROI values", problem) }
        guard dimensions.contains(values.by) else {
            throw .invalid("ROI values", "by: '\(values.by)' is not a recorded business dimension (\(dimensions.joined(separator: ", ")))")
        }
        return values
    }
}
