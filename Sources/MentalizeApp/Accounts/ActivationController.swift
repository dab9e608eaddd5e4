import Fluent
import Foundation
import Vapor

/// A patient's portal activation: the invitation link lets them choose a password, which creates
/// their account and links it to their patient record (``PatientAccountStore``), once.
struct ActivationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.activate, use: page)
        try routes.post(.activate, use: activate)
    }

    func page(_ request: Request) async throws -> Response {
        guard let token = try await liveInvitation(request) else { return try await LinkPageContext.spent(request, introKey: "activate.spent") }
        return try await LinkPageContext.render(request, template: "choose-password", titleKey: "activate.title", headingKey: "activate.heading",
                                                introKey: "activate.intro", username: token.email)
    }

    func activate(_ request: Request) async throws -> Response {
        guard let token = try await liveInvitation(request), let email = token.email, let patientID = token.patientID,
              let patient = try await Patient.find(patientID, on: request.db) else {
            return try await LinkPageContext.spent(request, introKey: "activate.spent")
        }
        let accounts = AccountService(database: request.db, hasher: request.application.passwordHasher, passwordPolicy: try request.application.passwordPolicy, now: request.now)
        let now = request.now
        let problems = try await NewPasswordForm.save(request) { password in
            let new = try await accounts.checkedNewAccount(clinicID: patient.$clinic.id, username: email, displayName: patient.displayName, roles: ["patient"],
                                                           patientID: patientID, password: password)
            try await request.db.transaction { db in
                guard try await OneTimeTokens(database: db).redeem(token, now: now) else { throw AccountService.Problem(description: PageText.text("link.usedMomentAgo")) }
                try await new.insert(on: db)
            }
        }
        if problems.isEmpty { return request.redirect(to: SignInNotice.activated.signInPath) }
        return try await LinkPageContext.render(request, template: "choose-password", titleKey: "activate.title", headingKey: "activate.heading",
                                                introKey: "activate.intro", username: email, problems: problems, status: .badRequest)
    }

    private func liveInvitation(_ request: Request) async throws -> OneTimeToken? {
        try await OneTimeTokens(database: request.db).live(request.parameters.get("token") ?? "", purpose: .invitation, now: request.now)
    }
}
