import Fluent
import MentalizeCore
import Vapor

/// Emergency ("break-glass") access: a clinician opens a patient outside their relationships for
/// 60 minutes after giving a reason. The grant, and every access made under it, is marked in the
/// audit log, and programme leads see each use on their home page.
struct BreakGlassController: RouteCollection {
    static let minimumReasonLength = 20

    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.breakGlass, use: page)
        try routes.post(.breakGlass, use: request)
    }

    struct Form: Content {
        var familyName: String?
        var dateOfBirth: String?
        var reason: String?
    }

    func page(_ request: Request) async throws -> View {
        _ = try clinician(request)
        return try await render(request, form: Form(), errorKey: nil)
    }

    func request(_ request: Request) async throws -> Response {
        let access = try PatientAccess(request: request, user: clinician(request))
        let form = try request.form(Form.self)
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let familyName = (form.familyName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let dateOfBirth = (form.dateOfBirth ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= Self.minimumReasonLength, reason.count <= 2000 else {
            return try await render(request, form: form, errorKey: "breakGlass.error.reason").encodeResponse(status: .badRequest, for: request)
        }
        // An account whose clinical role was approved only days ago gets no emergency access: a
        // role minted to read records would otherwise open every patient at once (issue 14, F3).
        if let approved = try await RoleApprovals(database: request.db, now: request.now).clinicalRoleApproved(for: access.user.id),
           request.now.timeIntervalSince(approved) < request.application.storage[EmergencyAccessMinimumAgeKey.self] ?? 7 * 86_400 {
            try await request.recordAudit([AuditEntry(actorID: access.user.id, actorRole: .therapist, patientID: nil, recordType: "break-glass-request", recordID: nil, action: .write, outcome: .denied, requestID: request.requestID, breakGlass: true)])
            return try await render(request, form: form, errorKey: "breakGlass.error.tooNew").encodeResponse(status: .badRequest, for: request)
        }
        let matches = try await EmergencyAccessQueries(database: request.db).patients(familyName: familyName, dateOfBirth: dateOfBirth, limit: 2)
        guard matches.count == 1, let patientID = matches[0].id else {
            try await request.recordAudit([AuditEntry(actorID: access.user.id, actorRole: .therapist, patientID: nil, recordType: "break-glass-request", recordID: nil, action: .write, outcome: .denied, requestID: request.requestID, breakGlass: true)])
            return try await render(request, form: form, errorKey: "breakGlass.error.noMatch").encodeResponse(status: .notFound, for: request)
        }
        if let basis = try await access.basis(.read, .demographics, patientID: patientID), basis != .breakGlass {
            // Already in this clinician's care: no emergency to record, just the chart.
            return request.redirect(to: SiteRoute.patient.path(patient: patientID))
        }
        let now = request.now
        let grant = BreakGlassGrantRecord(userID: access.user.id, patientID: patientID, reason: reason, grantedAt: now, expiresAt: now.addingTimeInterval(BreakGlassGrant.defaultDuration))
        try await grant.create(on: request.db)
        let grantID = try grant.requireID().uuidString
        let role: Role = access.actor.roles.contains(.therapist) ? .therapist : (access.actor.roles.contains(.supervisor) ? .supervisor : .programmeLead)
        try await request.recordAudit([AuditEntry(actorID: access.user.id, actorRole: role, patientID: patientID, recordType: "break-glass-grant", recordID: grantID, action: .write, outcome: .allowed, requestID: request.requestID, breakGlass: true)])
        request.logger.notice("break-glass access granted", metadata: ["grant": .string(grantID)])
        return request.redirect(to: SiteRoute.patient.path(patient: patientID))
    }

    private func clinician(_ request: Request) throws -> SignedInUser {
        try request.requireRole(Role.clinicalStaff)
    }

    private func render(_ request: Request, form: Form, errorKey: String?) async throws -> View {
        let context = BreakGlassContext(page: PageChrome(titleKey: "breakGlass.title", request: request), csrfToken: request.csrfToken, action: SiteRoute.breakGlass.path,
                                        familyName: form.familyName ?? "", dateOfBirth: form.dateOfBirth ?? "", reason: form.reason ?? "",
                                        errorKey: errorKey, minutes: Int(BreakGlassGrant.defaultDuration / 60), minimumReasonLength: Self.minimumReasonLength)
        return try await request.view.render("break-glass", context)
    }
}

/// What the break-glass form shows.
struct BreakGlassContext: Encodable {
    let page: PageChrome
    let csrfToken: String
    let action: String
    let familyName: String
    let dateOfBirth: String
    let reason: String
    let errorKey: String?
    let minutes: Int
    let minimumReasonLength: Int
}

/// How long an account must have held its approved clinical role before emergency access opens.
struct EmergencyAccessMinimumAgeKey: StorageKey {
    typealias Value = TimeInterval
}
