import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Until the installation has its clinic, `serve` answers only the first-run page, the health
/// checks and static files; every other page says how to set up. Once a clinic exists (made on
/// this node, another node, or by `mentalize setup`), the gate opens for good.
final class FirstRunGate: AsyncMiddleware, Sendable {
    private let pending = NIOLockedValueBox(false)

    /// Closes the gate until a clinic exists.
    func close() { pending.withLockedValue { $0 = true } }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard pending.withLockedValue({ $0 }) else { return try await next.respond(to: request) }
        let path = request.url.path
        if path.hasPrefix("/setup/") || path == SiteRoute.healthz.path || path == SiteRoute.readyz.path || StaticAssets.isAssetPath(path) {
            return try await next.respond(to: request)
        }
        if try await ClinicQueries(database: request.db).first() != nil {
            pending.withLockedValue { $0 = false }
            return try await next.respond(to: request)
        }
        let body = "Mentalize is not set up yet. Open the setup link that `mentalize serve` printed, or run `mentalize setup`.\n"
        return Response(status: .serviceUnavailable, headers: ["Content-Type": "text/plain; charset=utf-8", "Retry-After": "60"], body: .init(string: body))
    }
}

struct FirstRunGateKey: StorageKey {
    typealias Value = FirstRunGate
}

extension Application {
    /// The gate in front of every page (open unless `serve` found no clinic).
    var firstRunGate: FirstRunGate {
        if let gate = storage[FirstRunGateKey.self] { return gate }
        let gate = FirstRunGate()
        storage[FirstRunGateKey.self] = gate
        return gate
    }
}
