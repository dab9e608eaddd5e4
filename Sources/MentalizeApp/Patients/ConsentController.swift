import Fluent
import MentalizeCore
import Vapor

/// Recording a patient's consent to treatment, data sharing and research (given or withdrawn).
struct ConsentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.post(.patientConsents, use: record)
    }

    struct Form: Content {
        var kind: String?
        var state: String?
    }

    func record(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        let form = try request.form(Form.self)
        guard let kind = form.kind, ConsentRecord.kinds.contains(kind), let state = form.state, ConsentRecord.states.contains(state) else {
            return try await PatientPage.render(request, access: access, patient: patient, error: "consent.error", status: .badRequest)
        }
        let patientID = try patient.requireID()
        try await ConsentRecord(patientID: patientID, kind: kind, state: state, recordedAt: request.now, recordedBy: access.user.id).create(on: request.db)
        return request.redirect(to: SiteRoute.patient.path(patient: patientID))
    }
}

/// The current consent of each kind, from the latest record of that kind.
enum ConsentSummary {
    struct Line: Encodable {
        let kindKey: String
        let stateKey: String
        let detail: String
    }

    /// Whether the patient's latest treatment consent is "given" (treatment may start without it,
    /// with a warning: the consent may be on paper and not yet recorded).
    static func treatmentConsentGiven(_ patientID: UUID, on db: any Database) async throws -> Bool {
        try await PatientQueries(database: db).consents(of: patientID).first { $0.kind == "treatment" }?.state == "given"
    }

    static func lines(for patientID: UUID, on db: any Database) async throws -> [Line] {
        let records = try await PatientQueries(database: db).consents(of: patientID)
        return ConsentRecord.kinds.map { kind in
            guard let latest = records.first(where: { $0.kind == kind }) else {
                return Line(kindKey: "consent.kind.\(kind)", stateKey: "consent.state.unknown", detail: "")
            }
            return Line(kindKey: "consent.kind.\(kind)", stateKey: "consent.state.\(latest.state)", detail: "\(latest.recordedBy.displayName), \(DisplayTime.minute(latest.recordedAt))")
        }
    }
}
