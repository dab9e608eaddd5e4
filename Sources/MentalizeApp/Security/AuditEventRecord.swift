import Fluent
import Foundation

/// One row of the append-only, hash-chained audit log.
final class AuditEventRecord: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "sequence") var sequence: Int64
    /// Microseconds since 1970 (UTC): exact on every engine, so the hash can be recomputed.
    @Field(key: "occurred_at_us") var occurredAtMicroseconds: Int64
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_role") var actorRole: String
    @OptionalField(key: "patient_id") var patientID: UUID?
    @Field(key: "record_type") var recordType: String
    @OptionalField(key: "record_id") var recordID: String?
    /// What a write changed, when the writer said (account and settings writes); never clinical content.
    @OptionalField(key: "detail") var detail: String?
    @Field(key: "action") var action: String
    @Field(key: "outcome") var outcome: String
    @Field(key: "request_id") var requestID: String
    @Field(key: "break_glass") var breakGlass: Bool
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}
}
