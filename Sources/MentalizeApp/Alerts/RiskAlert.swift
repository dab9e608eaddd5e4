import Fluent
import Foundation

/// A risk alert: raised by a questionnaire answer (or risk language), sent to named people, and
/// taken through open → acknowledged → action recorded → resolved. Escalates to the programme
/// lead when nobody acknowledges it in time.
final class RiskAlert: Model, @unchecked Sendable {
    static let schema = "risk_alerts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    /// What raised it: `measure`, `diary` or `message`.
    @Field(key: "source") var sourceName: String
    @OptionalField(key: "source_id") var sourceID: UUID?
    @OptionalField(key: "instrument_id") var instrumentID: String?
    /// Comma-separated ids of the rules that matched.
    @Field(key: "rule_ids") var ruleIDs: String
    @Field(key: "level") var level: String
    /// A ``MentalizeCore/RiskAlertState`` raw value.
    @Field(key: "state") var state: String
    @Field(key: "raised_at") var raisedAt: Date
    @OptionalParent(key: "acknowledged_by") var acknowledgedBy: UserAccount?
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @OptionalField(key: "action") var action: String?
    @OptionalParent(key: "action_by") var actionBy: UserAccount?
    @OptionalField(key: "action_at") var actionAt: Date?
    @OptionalParent(key: "resolved_by") var resolvedBy: UserAccount?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @OptionalField(key: "escalated_at") var escalatedAt: Date?

    init() {}
}

/// One named person an alert went to, and why (`caseload` or `escalation`).
final class RiskAlertRecipient: Model, @unchecked Sendable {
    static let schema = "risk_alert_recipients"

    @ID(key: .id) var id: UUID?
    @Parent(key: "alert_id") var alert: RiskAlert
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "reason") var reason: String
    @Field(key: "added_at") var addedAt: Date

    init() {}

    init(alertID: UUID, userID: UUID, reason: String, addedAt: Date) {
        self.$alert.id = alertID
        self.$user.id = userID
        self.reason = reason
        self.addedAt = addedAt
    }
}

/// What raised an alert, stored by its raw value.
enum AlertSource: String, Sendable, CaseIterable {
    case message
    case measure
    case diary
    case selfReport = "self-report"
    case groupNote = "group-note"
}

extension RiskAlert {
    /// The typed source (nil for a value this version does not know).
    var source: AlertSource? {
        get { AlertSource(rawValue: sourceName) }
    }
}
