import Fluent
import Foundation
import Vapor

/// "Forgot password" for everyone: a reset link by email, valid a short while and once. The
/// answer to the form is the same whether or not the address has an account; a second request
/// within a minute sends nothing new. Choosing the new password ends every session; staff keep
/// their second factor.
struct PasswordResetController: RouteCollection {
    static let resendPause: TimeInterval = 60

    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.forgotPassword, use: form)
        try routes.post(.forgotPassword, use: request)
        try routes.get(.resetPassword, use: page)
        try routes.post(.resetPassword, use: reset)
    }

    struct Form: Content {
        var email: String?
    }

    func form(_ request: Request) async throws -> Response {
        try await LinkPageContext.render(request, template: "forgot-password", titleKey: "forgot.title", headingKey: "forgot.heading", introKey: "forgot.intro")
    }

    func request(_ request: Request) async throws -> Response {
        let email = (try request.form(Form.self).email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if email.count <= 254, let account = try await AccountQueries(database: request.db).account(named: email), account.disabledAt == nil {
            try await sendLink(to: account, request)
        }
        return try await LinkPageContext.render(request, template: "link-message", titleKey: "forgot.title", headingKey: "forgot.sentHeading", introKey: "forgot.sent")
    }

    private func sendLink(to account: UserAccount, _ request: Request) async throws {
        let userID = try account.requireID()
        let now = request.now
        let tokens = OneTimeTokens(database: request.db)
        if let latest = try await tokens.latest(.passwordReset, userID: userID), latest.isLive(at: now), now.timeIntervalSince(latest.createdAt) < Self.resendPause { return }
        let lifetime = request.application.accountLinkSettings.passwordResetLifetime
        try await request.db.transaction { db in
            let tokens = OneTimeTokens(database: db)
            try await tokens.revokeLive(.passwordReset, userID: userID, now: now)
            let raw = try await tokens.issue(.passwordReset, lifetime: lifetime, now: now) { token in
                token.userID = userID
                token.email = account.username
            }
            // The account's own language, else the one the request for a new password was made in.
            let language = account.language ?? request.language
            let expiry = try await ClinicHours.load(on: db)?.dateTimeText(now.addingTimeInterval(lifetime), in: language) ?? DisplayTime.minute(now.addingTimeInterval(lifetime))
            try await request.outbox(on: db).enqueue(.passwordReset, to: account.username, content: NotificationContent(
                subject: PageText.text("email.passwordReset.subject", in: language),
                body: PageText.text("email.passwordReset.body", in: language).replacingOccurrences(of: "{expiry}", with: expiry),
                linkPath: SiteRoute.resetPassword.path(token: raw)
            ))
        }
    }

    func page(_ request: Request) async throws -> Response {
        guard let token = try await liveReset(request) else { return try await LinkPageContext.spent(request, introKey: "reset.spent") }
        return try await LinkPageContext.render(request, template: "choose-password", titleKey: "reset.title", headingKey: "reset.heading", introKey: "reset.intro", username: token.email)
    }

    func reset(_ request: Request) async throws -> Response {
        guard let token = try await liveReset(request), let userID = token.userID, let account = try await UserAccount.find(userID, on: request.db) else {
            return try await LinkPageContext.spent(request, introKey: "reset.spent")
        }
        let accounts = AccountService(database: request.db, hasher: request.application.passwordHasher, passwordPolicy: try request.application.passwordPolicy, now: request.now)
        let now = request.now
        let problems = try await NewPasswordForm.save(request) { password in
            try await accounts.setPassword(username: account.username, password: password) { db in
                guard try await OneTimeTokens(database: db).redeem(token, now: now) else { throw AccountService.Problem(description: PageText.text("link.usedMomentAgo")) }
            }
        }
        if problems.isEmpty { return request.redirect(to: SignInNotice.passwordReset.signInPath) }
        return try await LinkPageContext.render(request, template: "choose-password", titleKey: "reset.title", headingKey: "reset.heading", introKey: "reset.intro",
                                                username: account.username, problems: problems, status: .badRequest)
    }

    private func liveReset(_ request: Request) async throws -> OneTimeToken? {
        try await OneTimeTokens(database: request.db).live(request.parameters.get("token") ?? "", purpose: .passwordReset, now: request.now)
    }
}
