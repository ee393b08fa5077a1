extension LoupeAttributes {
    /// The operation an analysis event summarises, as ``SpanOutcome/operation`` names it
    /// (`chat gpt-4o-mini`, `execute_tool search`, a stage name).
    public static let analysisOperation = "loupe.analysis.operation"
    /// The start of the window an analysis event covers, in nanoseconds since 1970 (an int, since a
    /// double cannot hold nanosecond timestamps exactly).
    public static let windowStart = "loupe.analysis.window.start"
    /// The end of the window an analysis event covers, in nanoseconds since 1970.
    public static let windowEnd = "loupe.analysis.window.end"
    /// Whether the window ended early (an explicit flush) instead of running its full length.
    public static let windowPartial = "loupe.analysis.window.partial"

    /// On ``EventName/errorSpike``: the kind of error that spiked (a category or an `error.type`).
    public static let errorKind = "loupe.analysis.error.kind"
    /// On ``EventName/errorSpike``: how kinds were told apart, `category` or `error.type`.
    public static let errorGrouping = "loupe.analysis.error.grouping"
    /// The ``ErrorCategory`` raw value the classifier gave the error.
    public static let errorCategory = "loupe.error.category"
    /// The error message with numbers, ids and quoted values replaced by placeholders.
    public static let errorTemplate = "loupe.error.template"
    /// The ``AutomaticAction`` raw value recommended for the error's category.
    public static let errorAction = "loupe.error.action"

    /// The experiment a span ran under (see ``Experiment``).
    public static let experiment = "loupe.experiment"
    /// The variant of ``experiment`` the span's unit was assigned.
    public static let experimentVariant = "loupe.experiment.variant"

    /// On router events: the ``ModelRouter``'s name.
    public static let routerName = "loupe.router.name"
    /// On router events: why the router did what it did (`consecutive_failures`, `circuit_open`…).
    public static let routerReason = "loupe.router.reason"
    /// On ``EventName/routerFallback``: the model the router fell back from.
    public static let routerFromModel = "loupe.router.from_model"
    /// On router events: whether the attempt was a half-open circuit's probe.
    public static let routerProbe = "loupe.router.probe"
    /// On router events: the circuit's state after the event (`closed`, `open`, `half_open`).
    public static let circuitState = "loupe.router.circuit.state"

    /// On ``EventName/reproCaptured``: the reproduction's JSON file.
    public static let reproPath = "loupe.repro.path"
    /// On ``EventName/reproCaptured``: the reproduction's runnable script.
    public static let reproScriptPath = "loupe.repro.script_path"
}
