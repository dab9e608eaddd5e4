import Foundation

/// Folds the audit viewer's list events: one page showing 40 patients writes 40 "list" events
/// under one request id, which would drown the reads around them. Consecutive list events of the
/// same request, person, kind of record and outcome become one row saying how many patients
/// were listed (the patients themselves stay one filter away: the patient filter shows each).
enum AuditListFolding {
    static func fold(_ rows: [AuditViewerContext.Row], events: [AuditEventRecord]) -> [AuditViewerContext.Row] {
        var folded: [AuditViewerContext.Row] = []
        var lastKey: String?
        for (row, event) in zip(rows, events) {
            let key = event.action == "list" ? [event.requestID, event.actorID?.uuidString ?? "", event.recordType, event.outcome, String(event.breakGlass)].joined(separator: "|") : nil
            if let key, key == lastKey, var previous = folded.popLast() {
                previous.listed += 1
                folded.append(previous)
            } else {
                folded.append(row)
            }
            lastKey = key
        }
        return folded
    }
}
