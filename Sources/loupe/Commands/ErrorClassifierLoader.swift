import ArgumentParser
import Foundation
import LoupeCore

/// Builds the error classifier with the user's rule file, turning a bad file into a clear CLI error.
enum ErrorClassifierLoader {
    static func classifier(rulesPath: String?) throws -> ErrorClassifier {
        guard let rulesPath else { return ErrorClassifier() }
        guard let data = FileManager.default.contents(atPath: rulesPath) else {
            throw ValidationError("cannot read the error rules file \(rulesPath)")
        }
        do {
            return ErrorClassifier(userRules: try ErrorRuleSet(jsonData: data))
        } catch {
            throw ValidationError("error rules file \(rulesPath): \(error)")
        }
    }
}
