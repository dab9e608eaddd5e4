import NIOCore
import Vapor

/// Who is really on the other end when Mentalize runs behind a reverse proxy: the proxy's
/// `X-Forwarded-For` and `X-Forwarded-Proto` are believed only when the connection comes from one
/// of the trusted proxy addresses (`--behind-proxy`, `--trusted-proxy`); otherwise the headers are
/// ignored, so nobody can pick their own address to dodge the sign-in throttle.
struct ForwardedClient: Sendable {
    let behindProxy: Bool
    let trustedProxies: Set<String>

    /// The client's address: the nearest untrusted address in `X-Forwarded-For` behind a trusted
    /// proxy, else the connection's peer.
    func address(of request: Request) -> String? {
        let peer = request.remoteAddress?.ipAddress
        guard behindProxy, let peer, trustedProxies.contains(peer) else { return peer }
        let chain = request.headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return chain.reversed().first { !trustedProxies.contains($0) } ?? peer
    }

    /// Whether a trusted proxy says the browser reached it over plain http.
    func arrivedOverPlainHTTP(_ request: Request) -> Bool {
        guard behindProxy, let peer = request.remoteAddress?.ipAddress, trustedProxies.contains(peer) else { return false }
        return request.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "http"
    }
}

struct ForwardedClientKey: StorageKey {
    typealias Value = ForwardedClient
}

extension Request {
    /// The client's address as the sign-in throttle counts it (see ``ForwardedClient``).
    var clientAddress: String? {
        (application.storage[ForwardedClientKey.self] ?? ForwardedClient(behindProxy: false, trustedProxies: [])).address(of: self)
    }
}

/// Behind a proxy, a page asked for over plain http is sent to its https address (GET and HEAD);
/// anything else is refused, since the sign-in cookie only travels over https.
struct PlainHTTPRedirect: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let forwarded = request.application.storage[ForwardedClientKey.self], forwarded.arrivedOverPlainHTTP(request),
              let host = request.headers.first(name: .host) else { return try await next.respond(to: request) }
        guard request.method == .GET || request.method == .HEAD else { throw Abort(.badRequest, reason: "use https") }
        return request.redirect(to: "https://\(host)\(request.url.string)", redirectType: .permanent)
    }
}
