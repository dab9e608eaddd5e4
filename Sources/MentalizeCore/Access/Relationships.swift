public import Foundation

/// A span of time in UTC: current when `start <= now < end`; an open end never expires.
public struct ValidityPeriod: Hashable, Sendable, Codable {
    public let start: Date
    public let end: Date?

    public init(start: Date, end: Date? = nil) {
        self.start = start
        self.end = end
    }

    /// True when `now` lies inside the period.
    public func isCurrent(at now: Date) -> Bool {
        guard start <= now else { return false }
        guard let end else { return true }
        return now < end
    }
}

/// A patient user's link to their own patient record.
public struct PatientAccountLink: Hashable, Sendable, Codable {
    public let userID: UserID
    public let patientID: PatientID
    public let period: ValidityPeriod
    public init(userID: UserID, patientID: PatientID, period: ValidityPeriod) {
        self.userID = userID
        self.patientID = patientID
        self.period = period
    }
}

/// A therapist's assignment to a patient's caseload.
public struct CaseloadAssignment: Hashable, Sendable, Codable {
    public let therapistID: UserID
    public let patientID: PatientID
    public let period: ValidityPeriod
    public init(therapistID: UserID, patientID: PatientID, period: ValidityPeriod) {
        self.therapistID = therapistID
        self.patientID = patientID
        self.period = period
    }
}

/// A supervisor's supervision of a therapist (gives access to that therapist's current caseload).
public struct SupervisionLink: Hashable, Sendable, Codable {
    public let supervisorID: UserID
    public let therapistID: UserID
    public let period: ValidityPeriod
    public init(supervisorID: UserID, therapistID: UserID, period: ValidityPeriod) {
        self.supervisorID = supervisorID
        self.therapistID = therapistID
        self.period = period
    }
}

/// A therapist running a group.
public struct CoTherapyLink: Hashable, Sendable, Codable {
    public let therapistID: UserID
    public let groupID: GroupID
    public let period: ValidityPeriod
    public init(therapistID: UserID, groupID: GroupID, period: ValidityPeriod) {
        self.therapistID = therapistID
        self.groupID = groupID
        self.period = period
    }
}

/// A patient's membership of a group, from joining to leaving.
public struct GroupMembership: Hashable, Sendable, Codable {
    public let patientID: PatientID
    public let groupID: GroupID
    public let period: ValidityPeriod
    public init(patientID: PatientID, groupID: GroupID, period: ValidityPeriod) {
        self.patientID = patientID
        self.groupID = groupID
        self.period = period
    }
}

/// A time-boxed emergency grant for a staff user to open a patient outside their scope.
public struct BreakGlassGrant: Hashable, Sendable, Codable {
    /// How long a grant lasts unless the caller chooses otherwise.
    public static let defaultDuration: TimeInterval = 60 * 60

    public let staffID: UserID
    public let patientID: PatientID
    public let reason: String
    public let grantedAt: Date
    public let expiresAt: Date

    public init(staffID: UserID, patientID: PatientID, reason: String, grantedAt: Date,
                duration: TimeInterval = BreakGlassGrant.defaultDuration) {
        self.staffID = staffID
        self.patientID = patientID
        self.reason = reason
        self.grantedAt = grantedAt
        self.expiresAt = grantedAt.addingTimeInterval(duration)
    }

    /// True when `grantedAt <= now < expiresAt`.
    public func isCurrent(at now: Date) -> Bool {
        ValidityPeriod(start: grantedAt, end: expiresAt).isCurrent(at: now)
    }
}

/// The relationship facts the app loads for one request and passes to the policy.
/// Include at least the rows that mention the actor, plus caseload assignments of therapists the
/// actor supervises and memberships of groups the actor runs.
public struct AccessFacts: Hashable, Sendable, Codable {
    public var patientAccounts: [PatientAccountLink]
    public var caseload: [CaseloadAssignment]
    public var supervision: [SupervisionLink]
    public var coTherapy: [CoTherapyLink]
    public var groupMemberships: [GroupMembership]
    public var breakGlass: [BreakGlassGrant]

    public init(patientAccounts: [PatientAccountLink] = [], caseload: [CaseloadAssignment] = [],
                supervision: [SupervisionLink] = [], coTherapy: [CoTherapyLink] = [],
                groupMemberships: [GroupMembership] = [], breakGlass: [BreakGlassGrant] = []) {
        self.patientAccounts = patientAccounts
        self.caseload = caseload
        self.supervision = supervision
        self.coTherapy = coTherapy
        self.groupMemberships = groupMemberships
        self.breakGlass = breakGlass
    }
}
