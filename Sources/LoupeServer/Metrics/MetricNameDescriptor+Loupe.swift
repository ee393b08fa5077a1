import Prometheus

extension MetricNameDescriptor {
    /// A metric whose full name is given as is (the unit, when there is one, already in it).
    static func named(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
