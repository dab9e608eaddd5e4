import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The one door to patient-scoped records. Every read, list and write asks the access policy,
/// writes the audit event (allowed or denied) before anything is returned, and answers 404 for
/// every denial, exactly as for a record that does not exist.
struct PatientAccess {
    let request: Request
    let user: SignedInUser

    var actor: AccessActor {
        AccessActor(userID: UserID(user.id), roles: Set(user.roles.compactMap(Role.init(rawValue:))))
    }

    /// The relationship facts for this request (loaded once, then cached on the request).
    func facts() async throws -> AccessFacts {
        if let cached = request.storage[AccessFactsKey.self] { return cached }
        let facts = try await AccessFactsLoader(database: request.db).load(for: user.id)
        request.storage[AccessFactsKey.self] = facts
        return facts
    }

    /// Decides and audits one access; returns the basis, or throws 404 when denied.
    @discardableResult
    func authorize(_ action: AccessAction, _ record: RecordDescriptor, recordType: String, recordID: String?) async throws -> AccessBasis {
        let decision = AccessPolicy.decide(actor: actor, action: action, record: record, facts: try await facts(), now: request.now)
        let basis: AccessBasis? = if case .allow(let basis) = decision { basis } else { nil }
        try await audit([entry(action: action, patientID: record.patientID?.rawValue, recordType: recordType, recordID: recordID, basis: basis)])
        guard let basis else { throw Abort(.notFound) }
        if basis == .breakGlass, let patientID = record.patientID {
            request.storage[EmergencyAccessKey.self] = try await facts().breakGlass
                .filter { $0.staffID.rawValue == user.id && $0.patientID == patientID && $0.isCurrent(at: request.now) }.map(\.expiresAt).max()
        }
        return basis
    }

    /// The basis the policy would give `action` on this patient's records of `kind` (nil: denied),
    /// for choosing what to offer. Not an access, so nothing is audited.
    func basis(_ action: AccessAction, _ kind: RecordKind, patientID: UUID) async throws -> AccessBasis? {
        if case .allow(let basis) = AccessPolicy.decide(actor: actor, action: action, record: RecordDescriptor(kind: kind, patientID: PatientID(patientID)),
                                                        facts: try await facts(), now: request.now) {
            return basis
        }
        return nil
    }

    /// Whether the policy would allow `action` on this patient's records of `kind`, for deciding
    /// which links and forms a page shows. Not an access, so nothing is audited.
    func allows(_ action: AccessAction, _ kind: RecordKind, patientID: UUID) async throws -> Bool {
        AccessPolicy.decide(actor: actor, action: action, record: RecordDescriptor(kind: kind, patientID: PatientID(patientID)),
                            facts: try await facts(), now: request.now).isAllowed
    }

    /// Loads a patient for `action` on records of `kind` through the policy: 404 (audited) when
    /// the patient is missing or the record is out of scope.
    /// The audit event names `recordID` (a message thread, say) when given, else the patient.
    func patient(_ id: UUID?, for action: AccessAction = .read, kind: RecordKind = .demographics, recordID: String? = nil) async throws -> Patient {
        guard let id else {
            throw Abort(.notFound)
        }
        guard let patient = try await Patient.find(id, on: request.db) else {
            try await audit([entry(action: action, patientID: id, recordType: kind.rawValue, recordID: recordID ?? id.uuidString, basis: nil)])
            throw Abort(.notFound)
        }
        try await authorize(action, RecordDescriptor(kind: kind, patientID: PatientID(id)), recordType: kind.rawValue, recordID: recordID ?? id.uuidString)
        return patient
    }

    /// A patient's record on a staff page: patients (even for their own record, which they reach
    /// through their own pages and My data) get the same audited 404 as for anyone else's.
    func staffPatient(_ id: UUID?, for action: AccessAction, kind: RecordKind) async throws -> Patient {
        try await refuseUnlessStaff(action, kind: kind, patientID: id)
        return try await patient(id, for: action, kind: kind)
    }

    /// Refuses a staff page to anyone who is not staff, with an audited denial and a 404.
    func refuseUnlessStaff(_ action: AccessAction, kind: RecordKind, patientID: UUID?) async throws {
        guard !user.isStaff else { return }
        try await audit([entry(action: action, patientID: patientID, recordType: kind.rawValue, recordID: patientID?.uuidString, basis: nil)])
        throw Abort(.notFound)
    }

    /// The signed-in patient's own record through the policy for `action` on `kind` (audited);
    /// 404 for anyone without a patient record of their own.
    func ownPatient(for action: AccessAction = .read, kind: RecordKind = .demographics, recordID: String? = nil) async throws -> Patient {
        guard let patientID = try await ownPatientIDs().first else { throw Abort(.notFound) }
        return try await patient(patientID, for: action, kind: kind, recordID: recordID)
    }

    /// The patient records of the signed-in patient themselves (empty for staff).
    func ownPatientIDs() async throws -> [UUID] {
        try await facts().patientAccounts.filter { $0.userID.rawValue == user.id && $0.period.isCurrent(at: request.now) }.map(\.patientID.rawValue)
    }

    /// Records a write that happened as a consequence of an access already decided (for example the
    /// risk alert a patient's answer raised), in the role the user acted in.
    func recordSideEffect(patientID: UUID, recordType: String, recordID: String?) async throws {
        let role = actor.roles.contains(.patient) && !user.isStaff ? Role.patient : role(for: nil)
        try await audit([AuditEntry(actorID: user.id, actorRole: role, patientID: patientID, recordType: recordType, recordID: recordID,
                                    action: .write, outcome: .allowed, requestID: request.requestID, breakGlass: false)])
    }

    /// Which rows of `kind` this user may list, for scoping the SQL query.
    func listScope(_ kind: RecordKind) async throws -> ListScope {
        AccessPolicy.listScope(actor: actor, kind: kind, facts: try await facts(), now: request.now)
    }

    /// Records that these patients' records of `kind` were shown in a list (one event each).
    func auditListed(_ patientIDs: [UUID], kind: RecordKind, scope: ListScope) async throws {
        let entries = patientIDs.map { id in
            let basis: AccessBasis = scope.breakGlassPatients.contains(PatientID(id)) ? .breakGlass : (scope.allRows ? .programmeRoster : .caseload)
            return entry(action: .list, patientID: id, recordType: kind.rawValue, recordID: nil, basis: basis)
        }
        try await audit(entries)
    }

    private func entry(action: AccessAction, patientID: UUID?, recordType: String, recordID: String?, basis: AccessBasis?) -> AuditEntry {
        AuditEntry(actorID: user.id, actorRole: role(for: basis), patientID: patientID, recordType: recordType, recordID: recordID,
                   action: action, outcome: basis == nil ? .denied : .allowed, requestID: request.requestID, breakGlass: basis == .breakGlass)
    }

    private func audit(_ entries: [AuditEntry]) async throws {
        try await request.application.auditLog.record(entries)
    }

    /// The role an access was made in: the one its basis needs, else the user's first role.
    private func role(for basis: AccessBasis?) -> Role {
        let held = actor.roles
        let wanted: [Role] = switch basis {
        case .ownRecord: [.patient]
        case .caseload, .coTherapy: [.therapist]
        case .supervision, .namedSupervisor: [.supervisor]
        case .programmeRoster: [.programmeLead]
        case .accountAdministration: [.admin]
        case .processNoteAuthor, .assignedRater: [.therapist, .supervisor]
        case .ratedTherapist: [.therapist]
        case .breakGlass: [.therapist, .supervisor, .programmeLead]
        case .ownAccount, nil: Role.allCases
        }
        return wanted.first(where: held.contains) ?? Role.allCases.first(where: held.contains) ?? .patient
    }
}

struct AccessFactsKey: StorageKey {
    typealias Value = AccessFacts
}

/// When the emergency (break-glass) access this request used ends; every page then says so.
struct EmergencyAccessKey: StorageKey {
    typealias Value = Date
}

extension Request {
    /// The access gateway for the signed-in user.
    func patientAccess() throws -> PatientAccess {
        PatientAccess(request: self, user: try requireWebOrAPIUser())
    }

    /// The fully signed-in user, for web pages (redirects) and the API (401).
    func requireWebOrAPIUser() throws -> SignedInUser {
        url.path.hasPrefix("/api/") ? try requireUser() : try requireWebUser()
    }
}
