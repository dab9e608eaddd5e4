import Fluent
import MentalizeCore
import Vapor

/// Answers each page request with the clinic's time zone set for `DisplayTime`, so every time on
/// every page is the clinic's (UTC before the clinic exists). Static files, the health checks and
/// the API (whose times are ISO 8601 in UTC) are passed through without a query.
struct ClinicZoneMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard !path.hasPrefix("/static/"), !path.hasPrefix("/api/"), path != SiteRoute.healthz.path, path != SiteRoute.readyz.path else {
            return try await next.respond(to: request)
        }
        let stored = try await ClinicQueries(database: request.db).first()?.timeZone
        let zone = try stored.flatMap { try? ClinicZone($0) } ?? ClinicZone("UTC")
        return try await DisplayTime.$zone.withValue(zone) {
            try await next.respond(to: request)
        }
    }
}
