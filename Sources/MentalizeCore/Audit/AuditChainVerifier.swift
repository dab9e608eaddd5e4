public import Foundation

/// Why a chain is broken at a row.
public enum AuditBreakReason: Hashable, Sendable, Codable {
    /// The row's sequence number is not the next one (a row was deleted, inserted or moved).
    case unexpectedSequence(expected: Int64, found: Int64)
    /// The row's stored previous hash is not the hash of the row before it.
    case previousHashMismatch
    /// The row's stored hash does not match its contents (a field was changed).
    case hashMismatch
    /// The anchored head row is missing: the tail of the chain was truncated.
    case truncatedBeforeAnchor(anchorSequence: Int64, lastSequence: Int64)
    /// The row at the anchored sequence does not carry the anchored hash.
    case anchorMismatch
}

/// The verifier's answer.
public enum AuditVerification: Hashable, Sendable {
    /// Every row checked out; `head` is the last row's hash (store it as the next anchor).
    case intact(count: Int, head: Data)
    /// The first broken row: its sequence number as stored (0 when no row exists) and the reason.
    case broken(sequence: Int64, reason: AuditBreakReason)

    /// True for `.intact`.
    public var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }
}

/// Walks audit rows in sequence order one at a time, so a large table can be streamed.
public struct AuditChainVerifier: Sendable {
    private var expectedSequence: Int64 = 1
    private var runningHash = AuditChain.genesisHash
    private var count = 0
    private let anchor: AuditAnchor?

    /// Creates a verifier; pass the anchor up front to check it while streaming.
    public init(anchor: AuditAnchor? = nil) {
        self.anchor = anchor
    }

    /// Checks the next row; returns `.broken` for the first bad row, nil while the chain holds.
    public mutating func check(_ row: AuditRow) -> AuditVerification? {
        let sequence = row.event.sequence
        guard sequence == expectedSequence else {
            return .broken(sequence: sequence, reason: .unexpectedSequence(expected: expectedSequence, found: sequence))
        }
        guard row.previousHash == runningHash else { return .broken(sequence: sequence, reason: .previousHashMismatch) }
        guard AuditChain.hash(of: row.event, previousHash: runningHash) == row.hash else {
            return .broken(sequence: sequence, reason: .hashMismatch)
        }
        if let anchor, anchor.sequence == sequence, anchor.hash != row.hash {
            return .broken(sequence: sequence, reason: .anchorMismatch)
        }
        runningHash = row.hash
        expectedSequence += 1
        count += 1
        return nil
    }

    /// Ends the walk: intact, unless the anchor names a row beyond the last one seen.
    public func finish() -> AuditVerification {
        let lastSequence = expectedSequence - 1
        if let anchor, anchor.sequence > lastSequence {
            return .broken(sequence: lastSequence,
                           reason: .truncatedBeforeAnchor(anchorSequence: anchor.sequence, lastSequence: lastSequence))
        }
        return .intact(count: count, head: runningHash)
    }
}
