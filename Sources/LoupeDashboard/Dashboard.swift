import LoupeAlerts
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// The web UI: each page rendered to HTML from the same ``TelemetryAnalytics`` answers as the JSON
/// API, so the two cannot disagree. It knows nothing of HTTP; the server maps paths to these calls.
public struct Dashboard: Sendable {
    let analytics: TelemetryAnalytics
    let dimensions: [TelemetryDimension]
    let templates: DashboardTemplates
    let otlpEndpoint: String
    let otlpGRPC: String?
    let alertEngine: AlertEngine?
    let budgets: BudgetBook?
    let rateLimits: [RateLimit]
    let roiValues: RoiValues
    /// The one project a viewer may see (a key of one project logged in): forced into every page's
    /// query, and the sections that cover every project left out of the menu.
    private(set) var onlyProject: String?

    /// - Parameters:
    ///   - businessDimensions: the dimensions the server was configured with, filterable like built-in ones.
    ///   - otlpEndpoint: where empty pages tell people to send traces.
    ///   - otlpGRPC: the OTLP/gRPC receiver's address they name too, nil when the server runs none.
    ///   - alerts: the server's alert engine; the alerts page says alerting is off without one.
    ///   - budgets: the server's budgets, shown on the cost page.
    ///   - rateLimits: the providers' limits (`--rate-limits`), put against each model's use on the models page.
    ///   - roiValues: what successful requests are worth (`--roi`), weighed against cost on the business page.
    public init(
        analytics: TelemetryAnalytics, businessDimensions: [String], otlpEndpoint: String, otlpGRPC: String? = nil, alerts: AlertEngine? = nil,
        budgets: BudgetBook? = nil, rateLimits: [RateLimit] = [], roiValues: RoiValues = RoiValues()
    ) {
        self.otlpGRPC = otlpGRPC
        self.roiValues = roiValues
        self.rateLimits = rateLimits
        self.alertEngine = alerts
        self.budgets = budgets
        self.analytics = analytics
        self.dimensions = TelemetryDimension.builtIn + businessDimensions.map(TelemetryDimension.init)
        self.templates = DashboardTemplates()
        self.otlpEndpoint = otlpEndpoint
    }

    /// This dashboard as a viewer who may see `project` only sees it; unchanged for nil.
    public func restricted(to project: String?) -> Dashboard {
        var copy = self
        copy.onlyProject = project
        return copy
    }

    /// Sections left out of the menu: alerts and their rules cover every project.
    private var hiddenSections: Set<DashboardSection> { onlyProject == nil ? [] : [.alerts] }

    /// Filters the viewer cannot remove: their key's project.
    private var fixedFilters: Set<TelemetryDimension> { onlyProject == nil ? [] : [.project] }

    public func business(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: BusinessPage.parameters, nowNanos: nowNanos)
        // Content gaps by query category when it is recorded, else by the first business dimension.
        let business = dimensions.filter { !TelemetryDimension.builtIn.contains($0) }.map(\.name)
        let gaps = business.contains("query_category") ? "query_category" : business.first ?? "query_category"
        let page = BusinessPage(context: context, roiValues: roiValues, gapDimension: gaps)
        return wrap(try await page.render(), .business, path: DashboardSection.business.path, context)
    }

    public func overview(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: [], nowNanos: nowNanos)
        return wrap(try await OverviewPage(context: context).render(), .overview, path: DashboardSection.overview.path, context)
    }

    public func traces(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: TraceListPage.parameters, nowNanos: nowNanos)
        return wrap(try await TraceListPage(context: context).render(), .traces, path: DashboardSection.traces.path, context)
    }

    public func trace(id: String, _ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: TracePage.parameters, nowNanos: nowNanos)
        return wrap(try await TracePage(context: context, traceId: id).render(), .traces, path: "/ui/traces/\(id)", context)
    }

    public func errors(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: ErrorsPage.parameters, nowNanos: nowNanos)
        return wrap(try await ErrorsPage(context: context).render(), .errors, path: DashboardSection.errors.path, context)
    }

    public func anomalies(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: AnomaliesPage.parameters, nowNanos: nowNanos)
        return wrap(try await AnomaliesPage(context: context).render(), .anomalies, path: DashboardSection.anomalies.path, context)
    }

    public func recommendations(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: RecommendationsPage.parameters, nowNanos: nowNanos)
        return wrap(try await RecommendationsPage(context: context).render(), .recommendations, path: DashboardSection.recommendations.path, context)
    }

    public func experiments(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: ExperimentsPage.parameters, nowNanos: nowNanos)
        return wrap(try await ExperimentsPage(context: context).render(), .experiments, path: DashboardSection.experiments.path, context)
    }

    public func time(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: TimePage.parameters, nowNanos: nowNanos)
        return wrap(try await TimePage(context: context).render(), .time, path: DashboardSection.time.path, context)
    }

    public func cost(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: CostPage.parameters, nowNanos: nowNanos)
        return wrap(try await CostPage(context: context, dimensions: dimensions, budgets: budgets).render(), .cost, path: DashboardSection.cost.path, context)
    }

    public func models(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: [], nowNanos: nowNanos)
        return wrap(try await ModelsPage(context: context, rateLimits: rateLimits).render(), .models, path: DashboardSection.models.path, context)
    }

    public func heatmap(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: HeatmapPage.parameters, nowNanos: nowNanos)
        return wrap(try await HeatmapPage(context: context, dimensions: dimensions).render(), .heatmap, path: DashboardSection.heatmap.path, context)
    }

    public func users(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: UsersPage.parameters, nowNanos: nowNanos)
        return wrap(try await UsersPage(context: context).render(), .users, path: DashboardSection.users.path, context)
    }

    public func alerts(_ parameters: [String: String], nowNanos: Int64) async throws -> String {
        let context = try context(parameters, page: AlertsPage.parameters, nowNanos: nowNanos)
        return wrap(try await AlertsPage(context: context, engine: alertEngine).render(), .alerts, path: DashboardSection.alerts.path, context)
    }

    /// A whole page that only says something: a bad parameter, a trace that is not stored.
    public func message(headline: String, text: String, nowNanos: Int64) -> String {
        let query = (try? DashboardQuery([:], dimensions: dimensions, nowNanos: nowNanos))
            ?? DashboardQuery.fallback(nowNanos: nowNanos)
        let content = templates.render(["headline": headline, "text": text, "href": "/ui/"], "message")
        let layout = LayoutView(
            title: headline, section: .overview, path: "/ui/", query: query, live: false, content: content, hiddenSections: hiddenSections
        )
        return templates.render(layout, "layout")
    }

    /// The login page; `next` is where to go once logged in, `error` why the last try failed.
    public func login(next: String, error: String?) -> String {
        templates.render(["next": next, "error": error ?? false] as [String: Any], "login")
    }

    private func context(_ parameters: [String: String], page: Set<String>, nowNanos: Int64) throws -> PageContext {
        var parameters = parameters
        if let onlyProject { parameters["project"] = onlyProject }
        let query = try DashboardQuery(parameters, dimensions: dimensions, pageParameters: page, nowNanos: nowNanos)
        return PageContext(analytics: analytics, query: query, templates: templates, otlpEndpoint: otlpEndpoint, otlpGRPC: otlpGRPC)
    }

    private func wrap(_ page: RenderedPage, _ section: DashboardSection, path: String, _ context: PageContext) -> String {
        let layout = LayoutView(
            title: page.title, section: section, path: path, query: context.query, live: page.live, content: page.content,
            notice: page.notice, hiddenSections: hiddenSections, fixedFilters: fixedFilters
        )
        return templates.render(layout, "layout")
    }
}
