import Fluent
import Foundation
import MentalizeCore

/// Walks the stored audit log in sequence order, a page at a time, and checks the hash chain.
struct AuditChainCheck {
    /// The verdict, with the first broken row named.
    enum Result: Equatable {
        case intact(count: Int, headSequence: Int64, headHash: String)
        case broken(sequence: Int64, reason: String)
    }

    let database: any Database
    var pageSize = 1000

    func run(anchor: AuditAnchor? = nil) async throws -> Result {
        var verifier = AuditChainVerifier(anchor: anchor)
        var lastSequence: Int64 = 0
        var offset = 0
        while true {
            let page = try await AuditEventRecord.query(on: database).sort(\.$sequence).range(offset..<(offset + pageSize)).all()
            for record in page {
                let row: AuditRow
                do {
                    row = try AuditRecordMapping.row(from: record)
                } catch let malformed as AuditRecordMapping.Malformed {
                    return .broken(sequence: record.sequence, reason: malformed.description)
                }
                if case .broken(let sequence, let reason) = verifier.check(row) {
                    return .broken(sequence: sequence, reason: Self.describe(reason))
                }
                lastSequence = record.sequence
            }
            guard page.count == pageSize else { break }
            offset += pageSize
        }
        switch verifier.finish() {
        case .intact(let count, let head):
            return .intact(count: count, headSequence: lastSequence, headHash: AuditRecordMapping.hex(head))
        case .broken(let sequence, let reason):
            return .broken(sequence: sequence, reason: Self.describe(reason))
        }
    }

    static func describe(_ reason: AuditBreakReason) -> String {
        switch reason {
        case .unexpectedSequence(let expected, let found): "expected sequence \(expected) but found \(found) (a row was deleted, inserted or reordered)"
        case .previousHashMismatch: "its link to the previous row does not match (a row before it was changed, removed or inserted)"
        case .hashMismatch: "its content does not match its hash (the row was changed)"
        case .truncatedBeforeAnchor(let anchor, let last): "the log ends at \(last) but the recorded head is \(anchor) (rows were removed from the end)"
        case .anchorMismatch: "it differs from the recorded head hash"
        }
    }
}
