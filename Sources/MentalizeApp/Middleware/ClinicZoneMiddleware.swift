import Fluent
import MentalizeCore
import Vapor

/// Answers each page request with the clinic's time zone set for `DisplayTime`, so every time on
/// every page is the clinic's (UTC before the clinic exists), and leaves the clinic's default
/// language for the language middleware. Static files, the health checks and
/// the API (whose times are ISO 8601 in UTC) are passed through without a query.
struct ClinicZoneMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard !path.hasPrefix("/static/"), !path.hasPrefix("/api/"), path != SiteRoute.healthz.path, path != SiteRoute.readyz.path else {
            return try await next.respond(to: request)
        }
        let clinic = try await ClinicQueries(database: request.db).first()
        request.storage[ClinicDefaultLanguageKey.self] = clinic?.defaultLanguage
        let zone = try clinic.flatMap { try? ClinicZone($0.timeZone) } ?? ClinicZone("UTC")
        return try await DisplayTime.$zone.withValue(zone) {
            try await next.respond(to: request)
        }
    }
}
