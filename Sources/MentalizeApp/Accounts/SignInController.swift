import Fluent
import MentalizeCore
import Vapor

/// Signing in and out on the web. Unknown and known usernames get the same answer and take the
/// same time (a decoy hash is checked); failures are throttled per account and per address.
struct SignInController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.home) { request in
            request.redirect(to: request.signedInUser == nil ? SiteRoute.signIn.path : SiteRoute.dashboard.path)
        }
        try routes.get(.signIn, use: page)
        try routes.post(.signIn, use: signIn)
        try routes.post(.signOut, use: signOut)
        try routes.post(.signOutEverywhere, use: signOutEverywhere)
    }

    /// The sign-in form's fields.
    struct Form: Content {
        var username: String?
        var password: String?
    }

    func page(_ request: Request) async throws -> Response {
        if let user = request.signedInUser, user.isFullySignedIn {
            return request.redirect(to: SiteRoute.dashboard.path)
        }
        return try await render(request, error: nil, status: .ok)
    }

    func signIn(_ request: Request) async throws -> Response {
        let form = try request.form(Form.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let password = form.password ?? ""
        guard !username.isEmpty, !password.isEmpty else {
            return try await render(request, error: "signIn.error.missing", status: .badRequest, username: username)
        }
        // No password can be longer than the policy allows, so a longer one is not even hashed.
        guard password.utf8.count <= (try request.application.passwordPolicy).maximumBytes else {
            return try await render(request, error: "signIn.error.tooLong", status: .badRequest, username: username)
        }
        switch try await PasswordSignIn(request: request).attempt(username: username, password: password) {
        case .throttled:
            return try await render(request, error: "signIn.error.throttled", status: .tooManyRequests, username: username)
        case .rejected:
            return try await render(request, error: "signIn.error.mismatch", status: .unauthorized, username: username)
        case .accepted(let user):
            if let old = request.signedInUser { try await request.sessionStore.end(old.session) }
            let needsSecondFactor = user.isStaff
            let (token, _) = try await request.sessionStore.start(userID: try user.requireID(), kind: "web", secondFactorDone: !needsSecondFactor)
            let next = ReturnPath.requested(by: request)
            let response = request.redirect(to: needsSecondFactor ? ReturnPath.path(SiteRoute.secondFactor.path, returningTo: next) : next ?? SiteRoute.dashboard.path)
            response.cookies[SessionCookie.name] = SessionCookie.make(token: token)
            return response
        }
    }

    func signOut(_ request: Request) async throws -> Response {
        if let user = request.signedInUser { try await request.sessionStore.end(user.session) }
        let response = request.redirect(to: SiteRoute.signIn.path)
        response.cookies[SessionCookie.name] = SessionCookie.expired
        return response
    }

    func signOutEverywhere(_ request: Request) async throws -> Response {
        if let user = request.signedInUser { try await request.sessionStore.endAll(userID: user.id) }
        let response = request.redirect(to: SiteRoute.signIn.path)
        response.cookies[SessionCookie.name] = SessionCookie.expired
        return response
    }

    private func render(_ request: Request, error: String?, status: HTTPResponseStatus, username: String = "") async throws -> Response {
        let clinic = try await ClinicQueries(database: request.db).first()
        let helplines = try await Helplines(database: request.db).signedOut(language: request.language)
        let context = SignInContext(page: PageChrome(titleKey: "signIn.title", request: request), clinicName: clinic?.name, errorKey: error,
                                    noticeKey: error == nil ? SignInNotice.key(request) : nil, csrfToken: request.csrfToken, username: String(username.prefix(254)),
                                    action: ReturnPath.path(SiteRoute.signIn.path, returningTo: ReturnPath.requested(by: request)), helplines: helplines)
        let response = try await request.view.render("sign-in", context).encodeResponse(for: request)
        response.status = status
        return response
    }
}
