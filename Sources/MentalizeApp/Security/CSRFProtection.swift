import MentalizeCore
import Vapor

/// Cross-site request forgery protection for the web (cookie-authenticated) side.
///
/// Every state-changing request (anything but GET/HEAD/OPTIONS) outside `/api/` must
/// 1. come from this site: its `Origin` header must name this host (every current browser sends
///    one with a post; a request without it is not a browser's form and is refused); and
/// 2. echo the synchronizer token in the `_csrf` form field: the session's token when signed in,
///    otherwise the token of a `__Host-` pre-session cookie that this middleware hands out.
/// GET never changes state, so it needs neither.
struct CSRFProtection: AsyncMiddleware {
    static let cookieName = "__Host-mentalize-csrf"
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard !request.url.path.hasPrefix("/api/") else { return try await next.respond(to: request) }
        var newCookieToken: String?
        if request.signedInUser == nil, request.cookies[Self.cookieName]?.string.isEmpty ?? true {
            newCookieToken = SecretToken.make()
        }
        request.storage[CSRFTokenKey.self] = request.signedInUser?.session.csrfToken ?? newCookieToken ?? request.cookies[Self.cookieName]?.string
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            // A body that reaches the server in more than one read arrives as a stream; collect it
            // (within the routes' size limit) so the token can be read, as the route would.
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
            do {
                try Self.check(request)
            } catch is FormTokenMismatch {
                // Our own form, sent after its sign-in ended: say so and give the typed text back.
                return try await UnsavedFormPage.response(for: request, reason: .formTokenMismatch)
            }
        }
        let response = try await next.respond(to: request)
        if let newCookieToken {
            response.cookies[Self.cookieName] = HTTPCookies.Value(string: newCookieToken, path: "/", isSecure: true, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    static func check(_ request: Request) throws {
        guard let origin = request.headers.first(name: .origin), let host = request.headers.first(name: .host),
              let originHost = URLComponents(string: origin)?.hostWithPort, originHost.caseInsensitiveCompare(host) == .orderedSame else {
            throw Abort(.badRequest, reason: "cross-site request, or no Origin")
        }
        let sent = (try? request.content.get(String.self, at: fieldName)) ?? ""
        guard let expected = request.storage[CSRFTokenKey.self], !expected.isEmpty,
              ConstantTime.equal(Array(sent.utf8), Array(expected.utf8)) else {
            throw FormTokenMismatch()
        }
    }
}

/// A same-site form whose token is missing or is not this session's (usually: the sign-in ended).
struct FormTokenMismatch: AbortError {
    var status: HTTPResponseStatus { .badRequest }
    var reason: String { "missing or wrong form token" }
}

struct CSRFTokenKey: StorageKey {
    typealias Value = String
}

extension Request {
    /// The token this request's forms must carry in `_csrf`.
    var csrfToken: String { storage[CSRFTokenKey.self] ?? "" }
}

private extension URLComponents {
    var hostWithPort: String? {
        guard let host else { return nil }
        return port.map { "\(host):\($0)" } ?? host
    }
}
