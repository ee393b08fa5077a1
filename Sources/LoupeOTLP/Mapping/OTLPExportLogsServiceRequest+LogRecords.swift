import Foundation
import LoupeCore

extension OTLPExportLogsServiceRequest {
    /// Validates and converts the records Loupe keeps (GenAI events, and records in a trace);
    /// invalid ones are counted by reason, never thrown.
    public func decodedRecords() -> DecodedLogRecords {
        var result = DecodedLogRecords()
        for resourceLog in resourceLogs {
            let resource = OTLPKeyValue.attributes(resourceLog.resource.attributes)
            for scopeLog in resourceLog.scopeLogs {
                let scope = scopeLog.scope.name.isEmpty ? nil : scopeLog.scope.name
                for log in scopeLog.logRecords {
                    switch Self.record(log, scope: scope) {
                    case .success(let record?): result.records.append((record, resource))
                    case .success(nil): continue
                    case .failure(let reason): result.rejected[reason, default: 0] += 1
                    }
                }
            }
        }
        return result
    }

    private static func record(_ log: OTLPLogRecord, scope: String?) -> Result<LogRecord?, LogRecordRejection> {
        let eventName = log.eventName.isEmpty ? nil : log.eventName
        // An all-zero or absent id means "no trace", as in the SDKs.
        let inTrace = !log.traceID.isEmpty && log.traceID.contains { $0 != 0 }
        guard inTrace || (eventName?.hasPrefix("gen_ai.") ?? false) else { return .success(nil) }
        if inTrace, log.traceID.count != 16 { return .failure(.invalidTraceId) }
        let hasSpan = !log.spanID.isEmpty && log.spanID.contains { $0 != 0 }
        if hasSpan, log.spanID.count != 8 { return .failure(.invalidSpanId) }
        let time = log.timeUnixNano != 0 ? log.timeUnixNano : log.observedTimeUnixNano
        guard time != 0 else { return .failure(.missingTime) }
        guard time <= UInt64(Int64.max) else { return .failure(.timestampOutOfRange) }
        return .success(LogRecord(
            id: "", project: "", service: "", traceId: inTrace ? HexID.encode(log.traceID) : nil, spanId: hasSpan ? HexID.encode(log.spanID) : nil,
            timeNanos: Int64(time), severityNumber: log.severityNumber, severityText: log.severityText.isEmpty ? nil : log.severityText,
            eventName: eventName, body: log.hasBody ? log.body.attributeValue : nil, attributes: OTLPKeyValue.attributes(log.attributes),
            scopeName: scope))
    }
}
