import Fluent
import Vapor

/// `/home`: where everyone lands after signing in.
struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.dashboard.pathComponents, use: page)
    }

    func page(_ request: Request) async throws -> View {
        let user = try request.requireWebUser()
        let context = DashboardContext(page: PageChrome(titleKey: "dashboard.title", request: request), displayName: user.user.displayName, isPatient: !user.isStaff, signOutEverywherePath: SiteRoute.signOutEverywhere.path, csrfToken: request.csrfToken)
        return try await request.view.render("dashboard", context)
    }
}

/// What the dashboard template shows.
struct DashboardContext: Encodable {
    let page: PageChrome
    let displayName: String
    let isPatient: Bool
    let signOutEverywherePath: String
    let csrfToken: String
}
