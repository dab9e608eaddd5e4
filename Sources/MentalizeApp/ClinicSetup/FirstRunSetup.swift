import Fluent
import Foundation
import Vapor

/// What `serve` does on an installation without a clinic: closes the first-run gate and makes a
/// one-time setup link (valid an hour, single use, stored hashed) for the person at the terminal.
enum FirstRunSetup {
    static let linkLifetime: TimeInterval = 60 * 60

    /// The setup link to print, or nil when the installation already has its clinic.
    static func prepare(_ app: Application, configuration: AppConfiguration) async throws -> String? {
        guard try await !ClinicFounding.isFounded(app.db) else { return nil }
        app.firstRunGate.close()
        let token = try await OneTimeTokens(database: app.db).issue(.setup, lifetime: linkLifetime, now: app.clock.now())
        return configuration.publicURL + SiteRoute.setup.path(token: token)
    }
}
