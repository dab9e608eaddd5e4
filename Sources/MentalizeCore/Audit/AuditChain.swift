import Crypto
public import Foundation

/// A stored audit row: the event, the hash of the row before it, and its own hash.
public struct AuditRow: Hashable, Sendable, Codable {
    public let event: AuditEvent
    public let previousHash: Data
    public let hash: Data

    public init(event: AuditEvent, previousHash: Data, hash: Data) {
        self.event = event
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// A copy of the chain head kept outside the audit table (a separate table with its own permissions,
/// a write-once file, or an external log), so that deleting the tail of the chain is detectable.
public struct AuditAnchor: Hashable, Sendable, Codable {
    public let sequence: Int64
    public let hash: Data
    public init(sequence: Int64, hash: Data) {
        self.sequence = sequence
        self.hash = hash
    }
}

/// The hash chain: `hash = SHA-256(previousHash || canonical(event))`, starting from `genesisHash`.
public enum AuditChain {
    /// The `previousHash` of the first row: 32 zero bytes.
    public static let genesisHash = Data(repeating: 0, count: 32)

    /// The hash of a row holding `event` after a row whose hash is `previousHash`.
    public static func hash(of event: AuditEvent, previousHash: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: previousHash)
        hasher.update(data: AuditCanonicalEncoding.encode(event))
        return Data(hasher.finalize())
    }

    /// The row that records `event` after `previous` (nil for the first row).
    /// The event's sequence must be `previous.sequence + 1` (or 1 for the first row).
    public static func row(for event: AuditEvent, after previous: AuditRow?) throws(AuditChainError) -> AuditRow {
        let expected = (previous?.event.sequence ?? 0) + 1
        guard event.sequence == expected else {
            throw .sequenceMismatch(expected: expected, found: event.sequence)
        }
        let previousHash = previous?.hash ?? genesisHash
        return AuditRow(event: event, previousHash: previousHash, hash: hash(of: event, previousHash: previousHash))
    }

    /// Verifies rows given in sequence order; see `AuditChainVerifier` for the streaming form.
    public static func verify(_ rows: some Sequence<AuditRow>, anchor: AuditAnchor? = nil) -> AuditVerification {
        var verifier = AuditChainVerifier(anchor: anchor)
        for row in rows {
            if let broken = verifier.check(row) { return broken }
        }
        return verifier.finish()
    }
}

/// Appending to the chain failed.
public enum AuditChainError: Error, Hashable, Sendable {
    case sequenceMismatch(expected: Int64, found: Int64)
}
