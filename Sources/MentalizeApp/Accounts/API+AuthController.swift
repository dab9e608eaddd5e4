import Fluent
import MentalizeCore
import Vapor

/// `POST /api/v1/auth/token`: exchanges credentials for an opaque bearer token (staff also send
/// their current TOTP code). Same throttling, same answer for unknown and known users.
struct APIAuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.post(.apiToken, use: token)
    }

    struct Credentials: Content {
        var username: String
        var password: String
        var totpCode: String?
    }

    struct TokenResponse: Content {
        var token: String
        var tokenType = "Bearer"
        var idleTimeoutSeconds: Int
        var absoluteTimeoutSeconds: Int
    }

    func token(_ request: Request) async throws -> Response {
        let credentials: Credentials
        do {
            credentials = try request.form(Credentials.self)
        } catch {
            throw Abort(.badRequest, reason: "send JSON {\"username\", \"password\", \"totpCode\"}")
        }
        guard credentials.password.utf8.count <= 1024 else { throw Abort(.badRequest, reason: "the password is too long") }
        let username = credentials.username.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        switch try await PasswordSignIn(request: request).attempt(username: username, password: credentials.password) {
        case .throttled:
            throw Abort(.tooManyRequests)
        case .rejected:
            throw Abort(.unauthorized)
        case .accepted(let user):
            let userID = try user.requireID()
            if user.isStaff {
                let factor = SecondFactor(request: request, userID: userID)
                guard try await factor.credential().totpEnabledAt != nil,
                      try await factor.verify(code: credentials.totpCode ?? "") == .accepted else {
                    throw Abort(.unauthorized)
                }
            }
            let (token, _) = try await request.sessionStore.start(userID: userID, kind: "api", secondFactorDone: true)
            let rules = request.application.storage[SessionRulesKey.self] ?? SessionRules()
            let body = TokenResponse(token: token, idleTimeoutSeconds: Int(rules.idleTimeout), absoluteTimeoutSeconds: Int(rules.absoluteTimeout))
            let response = try await body.encodeResponse(status: .created, for: request)
            return response
        }
    }
}
