import Fluent
import MentalizeCore
import Vapor

/// Account administration for admins: list accounts, create one, disable one (which ends its
/// sessions at once) or enable it again. A clinical role chosen for a new account is only
/// proposed: a programme lead approves it (``RoleApprovals``) before the account holds it. Admins see names, usernames and roles, never clinical
/// content. An admin cannot disable their own account (nobody might be left to enable it). Each
/// change is an audited `accountData` write naming the account.
struct AdminUsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.adminUsers, use: page)
        try routes.post(.adminUsers, use: create)
        try routes.post(.adminUserDisable, use: disable)
        try routes.post(.adminUserEnable, use: enable)
    }

    struct Form: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var password: String?
        /// For a patient's account: the patient record it belongs to.
        var patientID: String?
    }

    func page(_ request: Request) async throws -> View {
        _ = try request.requireRole([.admin])
        return try await render(request, form: Form(), message: nil, error: nil)
    }

    /// The roles a new account can be given, in the order the form offers them.
    static let roleChoices = Role.allCases.map(\.rawValue)

    func create(_ request: Request) async throws -> Response {
        let admin = try request.requireRole([.admin])
        let form = try request.form(Form.self)
        guard let role = form.role, Self.roleChoices.contains(role) else {
            var kept = form
            kept.password = nil
            return try await render(request, form: kept, message: nil, error: nil, errorKey: "admin.error.role").encodeResponse(status: .badRequest, for: request)
        }
        do {
            let service = try accounts(request)
            let clinical = RoleApprovals.clinicalRoles.contains(role)
            let record = (form.patientID ?? "").trimmingCharacters(in: .whitespaces)
            let patientID = record.isEmpty ? nil : UUID(uuidString: record)
            guard record.isEmpty || patientID != nil else { throw AccountService.Problem(description: PageText.text("admin.error.patientRecordID")) }
            let created = try await service.create(clinicID: try await service.onlyClinicID(), username: form.username ?? "", displayName: form.displayName ?? "",
                                                   roles: clinical ? [] : [role], pendingRoles: clinical ? [role] : [], patientID: patientID, password: form.password ?? "")
            let id = try created.requireID()
            if clinical { try await RoleApprovals(database: request.db, now: request.now).propose([role], for: id, by: admin.id) }
            try await audit(request, admin: admin, account: id, change: clinical ? "created; role \(role) proposed" : "created with role \(role)")
            return try await render(request, form: Form(), message: clinical ? "admin.createdPending" : "admin.created", error: nil).encodeResponse(status: .created, for: request)
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
        guard id != admin.id else {
            return try await render(request, form: Form(), message: nil, error: nil, listErrorKey: "admin.error.ownAccount").encodeResponse(status: .conflict, for: request)
        }
        try await accounts(request).disable(username: account.username)
        try await audit(request, admin: admin, account: id, change: "disabled")
        return request.redirect(to: SiteRoute.adminUsers.path)
    }

    func enable(_ request: Request) async throws -> Response {
        let admin = try request.requireRole([.admin])
        guard let id = request.parameters.get("userID", as: UUID.self), let account = try await UserAccount.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        try await accounts(request).enable(username: account.username)
        try await audit(request, admin: admin, account: id, change: "enabled")
        return request.redirect(to: SiteRoute.adminUsers.path)
    }

    /// Records an account change (created, disabled, enabled) as the admin's write of that account, saying which.
    private func audit(_ request: Request, admin: SignedInUser, account: UUID, change: String) async throws {
        try await AccountAudit.record(request, actor: admin, role: .admin, account: account, change: change)
    }

    private func accounts(_ request: Request) throws -> AccountService {
        AccountService(database: request.db, hasher: request.application.passwordHasher, passwordPolicy: try request.application.passwordPolicy, now: request.now)
    }

    /// `error` is the account service's own words about the new account; `errorKey` a text key
    /// about the creation form, `listErrorKey` one about the account list (shown above it).
    private func render(_ request: Request, form: Form, message: String?, error: String?, errorKey: String? = nil, listErrorKey: String? = nil) async throws -> View {
        let users = try await AccountQueries(database: request.db).all()
        let pending = Dictionary(grouping: try await RoleApprovals(database: request.db, now: request.now).pending(), by: \.$user.id).mapValues { $0.map(\.role) }
        let context = AdminUsersContext(page: PageChrome(titleKey: "admin.title", request: request), csrfToken: request.csrfToken,
                                        users: users.map { AdminUsersContext.Row($0, pendingRoles: $0.id.flatMap { pending[$0] } ?? []) }, roles: Self.roleChoices,
                                        form: form, messageKey: message, error: error, errorKey: errorKey, listErrorKey: listErrorKey, action: SiteRoute.adminUsers.path)
        return try await request.view.render("admin-users", context)
    }
}

/// What the account administration page shows.
struct AdminUsersContext: Encodable {
    struct Row: Encodable {
        let username: String
        let displayName: String
        let roles: String
        /// Clinical roles proposed and waiting for a programme lead's approval.
        let pendingRoles: String
        let active: Bool
        let disablePath: String
        let enablePath: String

        init(_ account: UserAccount, pendingRoles: [String]) {
            username = account.username
            displayName = account.displayName
            roles = account.roleNames.joined(separator: ", ")
            self.pendingRoles = pendingRoles.joined(separator: ", ")
            active = account.disabledAt == nil
            disablePath = account.id.map(SiteRoute.adminUserDisable.path(user:)) ?? ""
            enablePath = account.id.map(SiteRoute.adminUserEnable.path(user:)) ?? ""
        }
    }

    let page: PageChrome
    let csrfToken: String
    let users: [Row]
    let roles: [String]
    let form: AdminUsersController.Form
    let messageKey: String?
    let error: String?
    let errorKey: String?
    let listErrorKey: String?
    let action: String
}
