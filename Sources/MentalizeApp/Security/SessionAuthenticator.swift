import Vapor

/// Finds the session behind the request's cookie (web) or bearer token (`/api/`), and records who
/// is signed in. It never rejects a request itself: routes decide what they need.
struct SessionAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.url.path.hasPrefix("/api/") {
            if let token = request.headers.bearerAuthorization?.token,
               let session = try await request.sessionStore.find(token: token, kind: "api") {
                request.signedInUser = SignedInUser(user: session.user, session: session)
            }
        } else if let token = request.cookies[SessionCookie.name]?.string, !token.isEmpty,
                  let session = try await request.sessionStore.find(token: token, kind: "web") {
            request.signedInUser = SignedInUser(user: session.user, session: session)
        }
        return try await next.respond(to: request)
    }
}
