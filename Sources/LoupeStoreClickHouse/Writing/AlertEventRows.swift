import LoupeStore

/// Alert state changes as rows of `alert_events`, and back.
enum AlertEventRows {
    /// `firstSeq` orders events of one instant as they were appended.
    static func encode(_ events: [AlertEvent], firstSeq: Int64) -> JSONEachRowWriter {
        var rows = JSONEachRowWriter()
        for (index, event) in events.enumerated() {
            rows.beginRow()
            rows.field("at_ns", event.atNanos)
            rows.field("seq", firstSeq &+ Int64(index))
            rows.field("alert_id", event.alertId)
            rows.field("rule", event.rule)
            rows.field("key", SpanText.encode(event.key))
            rows.field("event", event.event)
            rows.field("severity", event.severity)
            rows.field("value", event.value)
            rows.field("detail", event.detail)
            rows.endRow()
        }
        return rows
    }

    static func event(_ row: ClickHouseRow) -> AlertEvent {
        AlertEvent(
            atNanos: row.int("at_ns") ?? 0, alertId: row.string("alert_id") ?? "", rule: row.string("rule") ?? "",
            key: StoredJSON.dimensions(row.string("key")), event: row.string("event") ?? "", severity: row.string("severity") ?? "",
            value: row.double("value"), detail: row.string("detail") ?? ""
        )
    }
}
