import Fluent
import MentalizeCore
import Vapor

/// Account administration for admins: list accounts, create one, disable one (which ends its
/// sessions at once). Admins see names, usernames and roles, never clinical content.
struct AdminUsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.adminUsers.pathComponents, use: page)
        routes.post(SiteRoute.adminUsers.pathComponents, use: create)
        routes.post(SiteRoute.adminUserDisable.pathComponents, use: disable)
    }

    struct Form: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var password: String?
    }

    func page(_ request: Request) async throws -> View {
        _ = try request.requireRole([.admin])
        return try await render(request, form: Form(), message: nil, error: nil)
    }

    func create(_ request: Request) async throws -> Response {
        _ = try request.requireRole([.admin])
        let form = (try? request.content.decode(Form.self)) ?? Form()
        do {
            let service = try accounts(request)
            try await service.create(clinicID: try await service.onlyClinicID(), username: form.username ?? "", displayName: form.displayName ?? "",
                                     roles: [form.role ?? ""], password: form.password ?? "")
            return try await render(request, form: Form(), message: "admin.created", error: nil).encodeResponse(status: .created, for: request)
        } catch let problem as AccountService.Problem {
            var kept = form
            kept.password = nil
            return try await render(request, form: kept, message: nil, error: problem.description).encodeResponse(status: .badRequest, for: request)
        }
    }

    func disable(_ request: Request) async throws -> Response {
        let admin = try request.requireRole([.admin])
        guard let id = request.parameters.get("userID", as: UUID.self), let account = try await UserAccount.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        guard id != admin.id else { throw Abort(.badRequest, reason: "admins cannot disable their own account") }
        try await accounts(request).disable(username: account.username)
        return request.redirect(to: SiteRoute.adminUsers.path)
    }

    private func accounts(_ request: Request) throws -> AccountService {
        AccountService(database: request.db, hasher: request.application.passwordHasher, passwordPolicy: try request.application.passwordPolicy, now: request.now)
    }

    private func render(_ request: Request, form: Form, message: String?, error: String?) async throws -> View {
        let users = try await UserAccount.query(on: request.db).sort(\.$username).all()
        let context = AdminUsersContext(page: PageChrome(titleKey: "admin.title", request: request), csrfToken: request.csrfToken,
                                        users: users.map(AdminUsersContext.Row.init), roles: Role.allCases.map(\.rawValue),
                                        form: form, messageKey: message, error: error, action: SiteRoute.adminUsers.path)
        return try await request.view.render("admin-users", context)
    }
}

/// What the account administration page shows.
struct AdminUsersContext: Encodable {
    struct Row: Encodable {
        let username: String
        let displayName: String
        let roles: String
        let active: Bool
        let disablePath: String

        init(_ account: UserAccount) {
            username = account.username
            displayName = account.displayName
            roles = account.roleNames.joined(separator: ", ")
            active = account.disabledAt == nil
            disablePath = SiteRoute.adminUserDisable.path(["userID": account.id?.uuidString ?? ""])
        }
    }

    let page: PageChrome
    let csrfToken: String
    let users: [Row]
    let roles: [String]
    let form: AdminUsersController.Form
    let messageKey: String?
    let error: String?
    let action: String
}
