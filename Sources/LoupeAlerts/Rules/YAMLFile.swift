import Yams

/// Reads the YAML (or JSON, which is YAML) files of rules, budgets, rate limits and retention, with
/// every mistake told as an `AlertRuleError` naming where it is.
public enum YAMLFile {
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws(AlertRuleError) -> T {
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch let error as DecodingError {
            throw .unreadable(AlertRuleSet.describe(error))
        } catch {
            throw .unreadable(String(describing: error))
        }
    }
}
