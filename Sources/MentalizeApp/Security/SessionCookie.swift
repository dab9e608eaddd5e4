import Vapor

/// The web session cookie: `__Host-` prefixed, Secure, HttpOnly, SameSite=Strict, path `/`.
enum SessionCookie {
    static let name = "__Host-mentalize-session"

    static func make(token: String) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, expires: nil, maxAge: nil, domain: nil, path: "/", isSecure: true, isHTTPOnly: true, sameSite: .strict)
    }

    static var expired: HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/", isSecure: true, isHTTPOnly: true, sameSite: .strict)
    }
}
