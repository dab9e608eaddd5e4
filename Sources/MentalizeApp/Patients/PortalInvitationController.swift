import Fluent
import Foundation
import Vapor

/// Sending, resending and revoking a patient's portal invitation from their chart (those who may
/// change the patient's details: their caseload therapists and the lead). The registration
/// already authorised and audited the write.
struct PortalInvitationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.post(.patientInvitation, use: send)
        try routes.post(.patientInvitationRevoke, use: revoke)
    }

    /// The button's form: names what it does, so an empty post does nothing.
    struct Form: Content {
        var confirm: String?
    }

    func send(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        guard try request.form(Form.self).confirm == "send" else { throw Abort(.badRequest) }
        let invitations = PortalInvitations(database: request.db, now: request.now)
        do {
            let lifetime = request.application.accountLinkSettings.invitationLifetime
            try await invitations.send(to: authorised.patient, by: try request.requireUser().id, lifetime: lifetime) { db in try request.outbox(on: db) }
        } catch let refusal as PortalInvitations.Refusal {
            return try await PatientPage.render(request, access: authorised.access, patient: authorised.patient, error: refusal.key, status: .conflict)
        }
        return request.redirect(to: SiteRoute.patient.path(patient: authorised.id) + "#portal-access")
    }

    func revoke(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        guard try request.form(Form.self).confirm == "revoke" else { throw Abort(.badRequest) }
        try await PortalInvitations(database: request.db, now: request.now).revoke(authorised.patient)
        return request.redirect(to: SiteRoute.patient.path(patient: authorised.id) + "#portal-access")
    }
}

/// The chart's "portal access" box: where the patient's access stands and what can be done.
struct PortalAccessSection: Encodable {
    let stateKey: String
    /// The address invited or the account's username, and the expiry, for the state's sentence.
    let detail: String
    let sendPath: String?
    let sendKey: String
    let revokePath: String?

    init(_ state: PortalInvitations.State, patientID: UUID, hours: ClinicHours?) {
        let when = { (date: Date) in hours?.dateTimeText(date) ?? DisplayTime.minute(date) }
        let send = SiteRoute.patientInvitation.path(patient: patientID)
        switch state {
        case .notInvited:
            (stateKey, detail, sendPath, sendKey, revokePath) = ("invitation.state.notInvited", "", send, "invitation.send", nil)
        case .invited(let expiresAt, let email):
            (stateKey, detail, sendPath, sendKey, revokePath) = ("invitation.state.invited", "\(email) · \(when(expiresAt))", send, "invitation.resend",
                                                                 SiteRoute.patientInvitationRevoke.path(patient: patientID))
        case .expired(let at):
            (stateKey, detail, sendPath, sendKey, revokePath) = ("invitation.state.expired", when(at), send, "invitation.send", nil)
        case .active(let username):
            (stateKey, detail, sendPath, sendKey, revokePath) = ("invitation.state.active", username, nil, "invitation.send", nil)
        case .disabled(let username):
            (stateKey, detail, sendPath, sendKey, revokePath) = ("invitation.state.disabled", username, nil, "invitation.send", nil)
        }
    }
}
