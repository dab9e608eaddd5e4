import Fluent
import Vapor

/// The sign-in page. (Checking credentials belongs to the identity and access work.)
struct SignInController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.home.pathComponents) { request in
            request.redirect(to: SiteRoute.signIn.path)
        }
        routes.get(SiteRoute.signIn.pathComponents, use: page)
    }

    func page(_ request: Request) async throws -> View {
        let clinic = try await Clinic.query(on: request.db).sort(\.$name).first()
        return try await request.view.render("sign-in", SignInContext(clinicName: clinic?.name))
    }
}
