import Fluent
import Foundation
import MentalizeCore
import Vapor

/// For signed-in staff: loads the open alerts addressed to this person, which the layout shows at the top of every page until they
/// are acknowledged. Showing them is a list of risk alerts, audited like any other.
struct OpenAlertsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.signedInUser, user.isFullySignedIn, user.isStaff, !request.url.path.hasPrefix("/api/"),
              !request.url.path.hasPrefix("/static/"), request.method == .GET else {
            return try await next.respond(to: request)
        }
        request.storage[OpenAlertsKey.self] = try await OpenAlerts.load(for: request)
        return try await next.respond(to: request)
    }
}

/// The open alerts addressed to a staff member, for the banner.
enum OpenAlerts {
    static func load(for request: Request) async throws -> [AlertBanner] {
        let access = try request.patientAccess()
        let scope = try await access.listScope(.riskAlert)
        let alerts = try await AlertStore(database: request.db).addressed(to: access.user.id, scope: scope, openOnly: true, limit: 20)
        try await access.auditListed(Array(Set(alerts.map(\.$patient.id))), kind: .riskAlert, scope: scope)
        return alerts.compactMap { alert in
            alert.id.map { id in
                AlertBanner(patient: alert.patient.displayName, level: alert.level,
                       raised: DisplayTime.minute(alert.raisedAt), path: SiteRoute.alert.path(alert: id), escalated: alert.escalatedAt != nil)
            }
        }
    }
}
