import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// A browser-like client for the in-memory tester (or, `live`, a real HTTP server on loopback):
/// keeps cookies, does not follow redirects, and remembers the last form token it saw so posts
/// can carry it.
final class WebClient {
    let app: Application
    let live: Bool
    /// Whether posts carry an `Origin` header, as every current browser's do.
    var sendsOrigin = true
    private static let host = "mentalize.test"
    private(set) var cookies: [String: String] = [:]
    private(set) var lastCSRF = ""

    init(app: Application, live: Bool = false) {
        self.app = app
        self.live = live
    }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil, headers: headers)
    }

    @discardableResult
    func post(_ path: String, form: [String: String], withToken: Bool = true, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var fields = form
        if withToken, fields["_csrf"] == nil { fields["_csrf"] = lastCSRF }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = headers
        headers.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")
        return try await send(.POST, path, body: body, headers: headers)
    }

    /// Posts `body` exactly as given, with `contentType`: for bodies no browser would send.
    @discardableResult
    func post(_ path: String, rawBody body: String, contentType: String = "application/x-www-form-urlencoded") async throws -> TestingHTTPResponse {
        try await send(.POST, path, body: body, headers: [HTTPHeaders.Name.contentType.description: contentType])
    }

    /// Signs in through the form and returns the response to the POST.
    @discardableResult
    func signIn(_ username: String, _ password: String) async throws -> TestingHTTPResponse {
        try await get("/sign-in")
        return try await post("/sign-in", form: ["username": username, "password": password])
    }

    var sessionCookie: String? { cookies[SessionCookie.name] }

    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    private func send(_ method: HTTPMethod, _ path: String, body: String?, headers: HTTPHeaders) async throws -> TestingHTTPResponse {
        var headers = headers
        if method != .GET, !headers.contains(name: .origin), sendsOrigin {
            // As a browser does for every post: this site's origin, naming the Host it talks to.
            if !headers.contains(name: .host) { headers.add(name: .host, value: Self.host) }
            headers.add(name: .origin, value: "http://\(headers.first(name: .host) ?? Self.host)")
        }
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        var result: TestingHTTPResponse?
        try await (live ? app.liveTester() : app.testing()).test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            result = response
        }
        let response = try #require(result)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let value = String(pair[1])
            if value.isEmpty { cookies.removeValue(forKey: String(pair[0])) } else { cookies[String(pair[0])] = value }
        }
        if let token = Self.csrfToken(in: response.body.string) { lastCSRF = token }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let match = html.firstMatch(of: /name="_csrf" value="([^"]*)"/) else { return nil }
        return String(match.1)
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
