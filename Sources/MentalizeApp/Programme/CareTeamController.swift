import Fluent
import MentalizeCore
import Vapor

/// Care teams for programme leads: who is on which therapist's caseload and who supervises whom,
/// with start and end dates. These relationships are what give staff access to patients, so every
/// change is written to the audit log.
struct CareTeamController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.careTeam, use: page)
        try routes.post(.careTeam, use: add)
        try routes.post(.careTeamEnd, use: end)
    }

    struct Form: Content {
        var kind: String?
        var therapistID: UUID?
        var patientID: UUID?
        var supervisorID: UUID?
        var purpose: String?
        var mode: String?
    }

    func page(_ request: Request) async throws -> View {
        _ = try request.requireRole([.programmeLead])
        return try await render(request, error: nil)
    }

    func add(_ request: Request) async throws -> Response {
        let lead = try request.requireRole([.programmeLead])
        let form = try request.form(Form.self)
        let staff = try await StaffDirectory(database: request.db).load()
        switch form.kind {
        case "caseload":
            guard let therapist = form.therapistID, staff.therapists.contains(where: { $0.id == therapist }),
                  let patientID = form.patientID, try await Patient.find(patientID, on: request.db) != nil else {
                return try await render(request, error: "careTeam.error.choose").encodeResponse(status: .badRequest, for: request)
            }
            let open = try await CareTeamQueries(database: request.db).caseloadRows(therapist: therapist, patient: patientID)
            if open.contains(where: { Self.isOpen($0.endsAt, at: request.now) }) {
                return try await render(request, error: "careTeam.error.alreadyOnCaseload").encodeResponse(status: .conflict, for: request)
            }
            let assignment = CaseloadAssignmentRecord(therapistID: therapist, patientID: patientID, startsAt: request.now)
            try await assignment.create(on: request.db)
            try await audit(request, lead: lead, patientID: patientID, type: "caseload-assignment", id: try assignment.requireID())
        case "supervision":
            guard let supervisor = form.supervisorID, staff.supervisors.contains(where: { $0.id == supervisor }),
                  let therapist = form.therapistID, staff.therapists.contains(where: { $0.id == therapist }),
                  let purpose = SupervisionPurpose(rawValue: form.purpose ?? SupervisionPurpose.mbt.rawValue),
                  let mode = SupervisionMode(rawValue: form.mode ?? SupervisionMode.view.rawValue) else {
                return try await render(request, error: "careTeam.error.choose").encodeResponse(status: .badRequest, for: request)
            }
            // Someone holding both roles cannot supervise (or review) their own work.
            guard supervisor != therapist else {
                return try await render(request, error: "careTeam.error.selfSupervision").encodeResponse(status: .badRequest, for: request)
            }
            let queries = CareTeamQueries(database: request.db)
            if try await queries.supervisionLinks(supervisor: supervisor, therapist: therapist).contains(where: { Self.isOpen($0.endsAt, at: request.now) }) {
                return try await render(request, error: "careTeam.error.alreadySupervising").encodeResponse(status: .conflict, for: request)
            }
            // One supervisor reviews a therapist's notes, so a signed note has one place to go.
            if mode.reviewsNotes, try await queries.reviewingLinks(therapist: therapist).contains(where: { Self.isOpen($0.endsAt, at: request.now) }) {
                return try await render(request, error: "careTeam.error.alreadyReviewed").encodeResponse(status: .conflict, for: request)
            }
            let link = SupervisionLinkRecord(supervisorID: supervisor, therapistID: therapist, startsAt: request.now, purpose: purpose, mode: mode)
            try await link.create(on: request.db)
            try await audit(request, lead: lead, patientID: nil, type: "supervision-link", id: try link.requireID(),
                            change: "started: \(purpose.displayName), \(mode.displayName.lowercased())")
        default:
            throw Abort(.badRequest)
        }
        return request.redirect(to: SiteRoute.careTeam.path)
    }

    func end(_ request: Request) async throws -> Response {
        let lead = try request.requireRole([.programmeLead])
        let id = request.parameters.get("assignmentID", as: UUID.self)
        if let assignment = try await CaseloadAssignmentRecord.find(id, on: request.db), assignment.endsAt == nil {
            assignment.endsAt = request.now
            try await assignment.update(on: request.db)
            try await audit(request, lead: lead, patientID: assignment.$patient.id, type: "caseload-assignment", id: try assignment.requireID())
        } else if let link = try await SupervisionLinkRecord.find(id, on: request.db), link.endsAt == nil {
            link.endsAt = request.now
            try await link.update(on: request.db)
            try await audit(request, lead: lead, patientID: nil, type: "supervision-link", id: try link.requireID(), change: "ended")
        } else {
            throw Abort(.notFound)
        }
        return request.redirect(to: SiteRoute.careTeam.path)
    }

    /// True while a relationship has not ended (including one that starts later): adding the same
    /// pair again would only make a second row for one relationship, so it is refused.
    static func isOpen(_ endsAt: Date?, at now: Date) -> Bool {
        endsAt.map { now < $0 } ?? true
    }

    private func audit(_ request: Request, lead: SignedInUser, patientID: UUID?, type: String, id: UUID, change: String? = nil) async throws {
        try await request.recordAudit([AuditEntry(actorID: lead.id, actorRole: .programmeLead, patientID: patientID, recordType: type,
                                                  recordID: id.uuidString, action: .write, outcome: .allowed, requestID: request.requestID, breakGlass: false,
                                                  detail: change)])
    }

    private func render(_ request: Request, error: String?) async throws -> View {
        let staff = try await StaffDirectory(database: request.db).load()
        // Every account, not just the active ones: a relationship can outlive the account's
        // disabling, and the page should say whose it is.
        let queries = CareTeamQueries(database: request.db)
        let accounts = try await queries.accounts()
        let names = Dictionary(uniqueKeysWithValues: accounts.compactMap { account in account.id.map { ($0, CareTeamContext.Person(account)) } })
        let now = request.now
        let caseload = try await queries.currentCaseload(at: now)
        let supervision = try await queries.currentSupervision(at: now)
        // The choice of patients is a list of names: scoped and audited like any other.
        let access = try request.patientAccess()
        let list = PatientListScope(access: access, kind: .demographics, scope: try await access.listScope(.demographics))
        let patients = try await PatientQueries(database: request.db).listed(in: list)
        let context = CareTeamContext(
            page: PageChrome(titleKey: "careTeam.title", request: request), csrfToken: request.csrfToken, action: SiteRoute.careTeam.path, errorKey: error,
            caseload: caseload.map { .init(left: names[$0.$therapist.id] ?? .unknown, right: .init(name: $0.patient.displayName, disabled: false),
                                           purpose: nil, mode: nil, since: DisplayTime.day($0.startsAt),
                                           endPath: $0.id.map(SiteRoute.careTeamEnd.path(relationship:)) ?? "") },
            supervision: supervision.map { .init(left: names[$0.$supervisor.id] ?? .unknown, right: names[$0.$therapist.id] ?? .unknown,
                                                 purpose: "supervisionPurpose.\($0.supervisionPurpose.rawValue)", mode: "supervisionMode.\($0.supervisionMode.rawValue)", since: DisplayTime.day($0.startsAt),
                                                 endPath: $0.id.map(SiteRoute.careTeamEnd.path(relationship:)) ?? "") },
            therapists: staff.therapists.map { .init(id: $0.id.uuidString, name: $0.name) },
            supervisors: staff.supervisors.map { .init(id: $0.id.uuidString, name: $0.name) },
            purposes: SupervisionPurpose.allCases.map { .init(id: $0.rawValue, name: "supervisionPurpose.\($0.rawValue)") },
            modes: SupervisionMode.allCases.map { .init(id: $0.rawValue, name: "supervisionMode.\($0.rawValue)") },
            patients: patients.map { .init(id: $0.id?.uuidString ?? "", name: $0.displayName) }
        )
        return try await request.view.render("care-team", context)
    }
}

/// What the care-team page shows.
struct CareTeamContext: Encodable {
    /// A person in a relationship; a disabled account still shows its name, marked as disabled.
    struct Person: Encodable {
        let name: String
        let disabled: Bool

        static let unknown = Person(name: "—", disabled: false)

        init(name: String, disabled: Bool) {
            self.name = name
            self.disabled = disabled
        }

        init(_ account: UserAccount) {
            self.init(name: account.displayName, disabled: account.disabledAt != nil)
        }
    }

    struct Pair: Encodable {
        let left: Person
        let right: Person
        /// For supervision: what it is for (a text key).
        let purpose: String?
        /// For supervision: what the supervisor does with the notes (a text key).
        let mode: String?
        /// When the relationship started, in the clinic's zone.
        let since: String
        let endPath: String
    }

    struct Choice: Encodable {
        let id: String
        let name: String
    }

    let page: PageChrome
    let csrfToken: String
    let action: String
    let errorKey: String?
    let caseload: [Pair]
    let supervision: [Pair]
    let therapists: [Choice]
    let supervisors: [Choice]
    let purposes: [Choice]
    let modes: [Choice]
    let patients: [Choice]
}
