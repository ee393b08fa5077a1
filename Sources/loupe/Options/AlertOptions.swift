import ArgumentParser
import Foundation
import LoupeAlerts
import LoupeCore
import LoupeServer

/// The flags that set up alerting on `loupe serve` and `loupe demo`.
struct AlertOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A YAML or JSON file of alert rules and channels.",
        discussion: "The built-in rules (p95 latency, success rate, cost per query, error rate, token utilisation) stay on unless the file says `defaults: false`. See `loupe alerts example`.",
        valueName: "file"
    ))
    var alerts: String?

    @Option(help: ArgumentHelp("Send every alert notification to this webhook (JSON); repeatable.", valueName: "url"))
    var alertWebhook: [String] = []

    @Option(help: ArgumentHelp(
        "Sign webhook notifications with HMAC-SHA256 using this secret (X-Loupe-Signature); one for all webhooks, or one per --alert-webhook.",
        valueName: "secret"
    ))
    var alertWebhookSecret: [String] = []

    @Option(help: ArgumentHelp("How often the rules are evaluated.", valueName: "duration"))
    var alertInterval = "30s"

    @Option(help: ArgumentHelp("The dashboard's address as people reach it, for links in notifications.", valueName: "url"))
    var publicURL: String?

    @Flag(help: "Turn alerting off.")
    var noAlerts = false

    func validate() throws {
        guard DurationText.seconds(alertInterval) != nil else { throw ValidationError("--alert-interval must be a duration such as 30s or 1m") }
        guard alertWebhookSecret.count <= 1 || alertWebhookSecret.count == alertWebhook.count else {
            throw ValidationError("give one --alert-webhook-secret for all webhooks, or one per --alert-webhook")
        }
    }

    func configuration() throws -> AlertConfiguration {
        var rules = AlertRuleSet()
        if let path = alerts { rules = try AlertsCheck.load(path) }
        var configuration = AlertConfiguration(
            rules: rules, intervalSeconds: DurationText.seconds(alertInterval) ?? 30, publicURL: publicURL, enabled: !noAlerts
        )
        for (index, url) in alertWebhook.enumerated() {
            let secret = alertWebhookSecret.count == alertWebhook.count ? alertWebhookSecret[index] : alertWebhookSecret.first
            do {
                try configuration.addWebhook(url: url, secret: secret)
            } catch {
                throw CommandFailure("--alert-webhook \(url): \(error)")
            }
        }
        return configuration
    }
}
