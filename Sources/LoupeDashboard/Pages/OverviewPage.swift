import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Headline numbers against the previous period, time series, top failure modes and the most
/// expensive models, services and users. Reads rollups (summaries per period, one bucketed read)
/// and the failure modes of the range.
struct OverviewPage {
    let context: PageContext

    func render() async throws -> RenderedPage {
        let query = context.query
        let analytics = context.analytics
        let step = query.stepSeconds()
        // Independent reads, run side by side: the store serves concurrent readers.
        async let currentRead = analytics.summary(SummaryQuery(range: query.range, groupBy: [.service], filters: query.filters))
        async let previousRead = analytics.summary(SummaryQuery(range: query.previousRange, filters: query.filters))
        async let byModelRead = analytics.summary(SummaryQuery(range: query.range, groupBy: [.model], filters: query.filters))
        async let bucketsRead = analytics.buckets(query.range, stepSeconds: step, groupBy: [.model], filters: query.filters)
        // The top failure modes only: where each happened is on the errors page.
        async let errorsRead = analytics.errors(ErrorsQuery(range: query.range, filters: query.filters, examplesPerFingerprint: 1, byPlace: false))
        // Users need no percentiles: counted and ranked by cost without merging latency histograms.
        async let usersRead = analytics.summary(SummaryQuery(range: query.range, groupBy: [.user], filters: query.filters, latency: false))
        async let previousUsersRead = analytics.summary(
            SummaryQuery(range: query.previousRange, groupBy: [.user], filters: query.filters, latency: false)
        )
        let (current, previous, byModel, buckets, errors) = try await (currentRead, previousRead, byModelRead, bucketsRead, errorsRead)
        let (users, previousUsers) = try await (usersRead, previousUsersRead)
        // A range whose services sent metrics and no spans (or spans no entry span) has calls but no
        // requests: its headline counts the calls rather than showing zero requests.
        let totals = current.totals.measures
        let unit = current.unit == .requests && totals[.requests].count == 0 && totals[.calls].count > 0 ? .calls : current.unit
        let failures = failures(errors)
        var cards = cards(current.totals, previous.totals, unit: unit)
        cards.append(activeUsersCard(users, previousUsers))
        let view = OverviewView(
            hasData: current.totals.measures.spans.count > 0, unit: unit.rawValue, otlpEndpoint: context.otlpEndpoint, otlpGRPC: context.otlpGRPC,
            cards: cards,
            charts: charts(buckets, unit: unit, step: step),
            failures: failures, hasFailures: !failures.isEmpty,
            failuresWithoutSpans: failures.isEmpty && totals[unit].errors > 0 ? try await context.failuresWithoutSpans(unit: unit) ?? "" : "",
            failuresSampled: errors.truncated,
            errorsHref: query.link(to: DashboardSection.errors.path),
            models: ranked(byModel.groups, dimension: "model", unit: .calls),
            services: ranked(current.groups, dimension: "service", unit: unit),
            users: ranked(users.groups.filter { !($0.key["user"] ?? "").isEmpty }, dimension: "user", unit: users.unit),
            usersHref: query.link(to: DashboardSection.users.path)
        )
        return RenderedPage(title: "Overview", content: context.templates.render(view, "overview"), live: true)
    }

    /// Distinct end users with at least one span in the range, against the previous period.
    private func activeUsersCard(_ now: SummaryReport, _ before: SummaryReport) -> OverviewView.Card {
        func active(_ report: SummaryReport) -> Int {
            report.groups.filter { !($0.key["user"] ?? "").isEmpty && $0.measures.spans.count > 0 }.count
        }
        let count = active(now)
        let previous = active(before)
        let change = DisplayFormat.change(Double(count), from: Double(previous))
        return .init(
            id: "active-users", label: "active users", value: DisplayFormat.count(Int64(count)), raw: String(count),
            delta: change.map { String(format: "%+.0f%% vs previous", $0 * 100) } ?? "no previous data", deltaClass: "",
            note: count == 0 ? "no span carries a user id" : ""
        )
    }

    private func cards(_ now: SummaryGroup, _ before: SummaryGroup, unit: CountUnit) -> [OverviewView.Card] {
        let m = now.measures[unit]
        let p = before.measures[unit]
        let usage = now.measures.spans
        let cost = usage.knownCostUSD
        func card(
            _ id: String, _ label: String, _ value: String, raw: Double?, previous: Double?, higherIsWorse: Bool, note: String = ""
        ) -> OverviewView.Card {
            let change = DisplayFormat.change(raw, from: previous)
            let delta = change.map { String(format: "%+.0f%% vs previous", $0 * 100) } ?? "no previous data"
            let worse = change.map { higherIsWorse ? $0 > 0.05 : $0 < -0.05 } ?? false
            let better = change.map { higherIsWorse ? $0 < -0.05 : $0 > 0.05 } ?? false
            return .init(
                id: id, label: label, value: value, raw: raw.map { Self.raw($0) } ?? "", delta: delta,
                deltaClass: worse ? "worse" : better ? "better" : "", note: note
            )
        }
        let p95 = m.latency.quantile(0.95)
        var cards = [
            card("count", unit.rawValue, DisplayFormat.count(m.count), raw: Double(m.count), previous: Double(p.count), higherIsWorse: false),
            card("error-rate", "error rate", DisplayFormat.percent(m.errorRate), raw: m.errorRate, previous: p.errorRate, higherIsWorse: true,
                 note: "\(m.errors) failed"),
            card("p95", "p95 latency", DisplayFormat.duration(ms: p95), raw: p95, previous: p.latency.quantile(0.95), higherIsWorse: true),
            card("cost", "cost", DisplayFormat.dollars(cost), raw: cost, previous: before.measures.spans.knownCostUSD, higherIsWorse: true,
                 note: usage.unpricedCalls > 0 ? "\(usage.unpricedCalls) calls unpriced (not included)" : ""),
            card("tokens", "tokens", DisplayFormat.count(usage.totalTokens), raw: Double(usage.totalTokens),
                 previous: Double(before.measures.spans.totalTokens), higherIsWorse: false),
        ]
        if let share = now.failedCallShare {
            cards.insert(card("failed-call", "with a failed call", DisplayFormat.percent(share), raw: share,
                              previous: before.failedCallShare, higherIsWorse: true, note: "recovered or not"), at: 2)
        }
        return cards
    }

    private func charts(_ buckets: TimeBuckets, unit: CountUnit, step: Int64) -> [String] {
        let times = (0..<buckets.stepCount).map(buckets.time(ofStep:))
        let totals = buckets.totals
        let name = unit.rawValue
        let dataEnd = context.query.range.toNanos / 1_000_000_000
        let traffic = TimeChart(
            title: "\(name.capitalized) and errors per \(Self.stepText(step))", format: .count, times: times, stepSeconds: step,
            series: [
                .init(name: name, values: totals.map { Double($0[unit].count) }),
                .init(name: "errors", values: totals.map { Double($0[unit].errors) }),
            ],
            // A click on a step opens the errors of that step: from a spike to the failure modes behind it.
            columnLinks: times.map { t in
                context.query.link(to: DashboardSection.errors.path, ["range": nil, "from": String(t), "to": String(t + step)])
            },
            dataEnd: dataEnd
        )
        let latency = TimeChart(
            title: "Latency of \(name)", format: .durationMs, times: times, stepSeconds: step,
            series: [0.5, 0.95, 0.99].map { q in
                .init(name: "p\(Int(q * 100))", values: totals.map { $0[unit].latency.quantile(q) })
            },
            dataEnd: dataEnd
        )
        let costSeries = buckets.groups.compactMap { key, steps -> TimeChart.Series? in
            guard steps.contains(where: { $0.spans.pricedCalls > 0 }) else { return nil }
            return .init(name: key.first.flatMap { $0.isEmpty ? nil : $0 } ?? "(no model)", values: steps.map { $0.spans.knownCostUSD })
        }.sorted { $0.name < $1.name }
        let cost = TimeChart(title: "Cost per model", format: .dollars, times: times, stepSeconds: step, series: costSeries, dataEnd: dataEnd)
        let tokens = TimeChart(
            title: "Tokens per \(Self.stepText(step))", format: .count, times: times, stepSeconds: step,
            series: [
                .init(name: "input", values: totals.map { Double($0.spans.inputTokens) }),
                .init(name: "output", values: totals.map { Double($0.spans.outputTokens) }),
                .init(name: "cache read", values: totals.map { Double($0.spans.cacheReadTokens) }),
            ],
            dataEnd: dataEnd
        )
        return [traffic.render(), latency.render(), cost.render(), tokens.render()]
    }

    private func failures(_ report: ErrorsReport) -> [OverviewView.Failure] {
        let modes = report.groups.flatMap { group in group.fingerprints.map { (group.category, $0) } }
        return modes.sorted { $0.1.count > $1.1.count }.prefix(5).map { category, mode in
            OverviewView.Failure(
                category: category.rawValue, message: mode.sampleMessage.map { String($0.prefix(140)) } ?? mode.errorType ?? "(no message)",
                count: mode.count, href: context.query.link(to: DashboardSection.errors.path, ["fingerprint": mode.fingerprint])
            )
        }
    }

    private func ranked(_ groups: [SummaryGroup], dimension: String, unit: CountUnit) -> [OverviewView.Ranked] {
        groups.filter { $0.measures.spans.pricedCalls > 0 }
            .sorted { ($0.measures.spans.knownCostUSD ?? 0) > ($1.measures.spans.knownCostUSD ?? 0) }
            .prefix(5).map { group in
                let name = group.key[dimension] ?? ""
                let cost = group.measures.spans.knownCostUSD
                return OverviewView.Ranked(
                    name: name.isEmpty ? "(none)" : name, href: context.query.link(to: DashboardSection.overview.path, [dimension: name]),
                    value: DisplayFormat.dollars(cost), raw: cost.map { Self.raw($0) } ?? "",
                    detail: DisplayFormat.count(group.measures[unit].count)
                )
            }
    }

    static func stepText(_ seconds: Int64) -> String {
        seconds % 3_600 == 0 ? (seconds == 3_600 ? "hour" : "\(seconds / 3_600) h") : (seconds == 60 ? "minute" : "\(seconds / 60) min")
    }

    /// A number as the JSON API writes it, for `data-value`.
    static func raw(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
