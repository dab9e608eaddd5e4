import Fluent
import Vapor

/// `/healthz` (the process answers) and `/readyz` (the database answers and its migrations are current).
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.healthz) { _ in "ok" }
        try routes.get(.readyz, use: readiness)
    }

    /// The body of `/readyz`.
    struct Readiness: Content {
        var status: String
        var database: String
        var migrations: String
        var pendingMigrations: Int
    }

    func readiness(_ request: Request) async throws -> Response {
        var report = Readiness(status: "ready", database: "ok", migrations: "current", pendingMigrations: 0)
        do {
            let inspector = try DatabaseInspector(request.db)
            try await inspector.ping()
            let applied = Set(try await inspector.appliedMigrations())
            report.pendingMigrations = MigrationCatalog.names.subtracting(applied).count
            if report.pendingMigrations > 0 || !applied.isSubset(of: MigrationCatalog.names) {
                report.migrations = report.pendingMigrations > 0 ? "pending" : "newer-database"
                report.status = "not-ready"
            }
        } catch {
            request.logger.warning("readiness check failed", metadata: ["error": .string(String(describing: type(of: error)))])
            report.database = "unreachable"
            report.migrations = "unknown"
            report.status = "not-ready"
        }
        let response = try await report.encodeResponse(for: request)
        response.status = report.status == "ready" ? .ok : .serviceUnavailable
        return response
    }
}
