import Fluent
import MentalizeCore
import Vapor

/// `/role-approvals`: clinical roles an admin proposed, for a programme lead (or, for a clinic's
/// first lead, a second admin) to approve or refuse. Each decision is an audited `accountData`
/// write naming the account.
struct RoleApprovalsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.roleApprovals, use: page)
        try routes.post(.roleApprovalDecide, use: decide)
    }

    struct Form: Content {
        var decision: String?
    }

    func page(_ request: Request) async throws -> View {
        let user = try request.requireRole([.programmeLead, .admin])
        return try await render(request, user: user, messageKey: request.query[String.self, at: "done"].map { $0 == "approved" ? "roles.approved" : "roles.refused" }, errorKey: nil)
    }

    func decide(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.programmeLead, .admin])
        guard let grantID = request.parameters.get("grantID", as: UUID.self) else { throw Abort(.notFound) }
        let form = try request.form(Form.self)
        guard let decision = form.decision, ["approve", "refuse"].contains(decision) else {
            return try await render(request, user: user, messageKey: nil, errorKey: "roles.error.choose").encodeResponse(status: .badRequest, for: request)
        }
        do {
            let grant = try await RoleApprovals(database: request.db, now: request.now).decide(grantID, approve: decision == "approve", by: user)
            let role: Role = user.roles.contains(Role.programmeLead.rawValue) ? .programmeLead : .admin
            try await AccountAudit.record(request, actor: user, role: role, account: grant.$user.id,
                                          change: "role \(grant.role) \(decision == "approve" ? "approved" : "refused")")
            return request.redirect(to: SiteRoute.roleApprovals.path + "?done=" + (decision == "approve" ? "approved" : "refused"))
        } catch RoleApprovals.Refusal.notFound {
            throw Abort(.notFound)
        } catch RoleApprovals.Refusal.alreadyDecided {
            return try await render(request, user: user, messageKey: nil, errorKey: "roles.error.decided").encodeResponse(status: .conflict, for: request)
        } catch RoleApprovals.Refusal.notAllowed {
            return try await render(request, user: user, messageKey: nil, errorKey: "roles.error.notYours").encodeResponse(status: .notFound, for: request)
        }
    }

    private func render(_ request: Request, user: SignedInUser, messageKey: String?, errorKey: String?) async throws -> View {
        let approvals = RoleApprovals(database: request.db, now: request.now)
        let clinicHasLead = try await approvals.hasActiveLead()
        let rows = try await approvals.pending().map { grant in
            RoleApprovalsContext.Row(account: grant.user.displayName, username: grant.user.username, role: grant.role, proposedBy: grant.proposer.displayName,
                                     when: DisplayTime.minute(grant.proposedAt),
                                     mayDecide: RoleApprovals.mayDecide(grant, decider: user, clinicHasLead: clinicHasLead),
                                     action: grant.id.map(SiteRoute.roleApprovalDecide.path(grant:)) ?? "")
        }
        let context = RoleApprovalsContext(page: PageChrome(titleKey: "roles.title", request: request), csrfToken: request.csrfToken, rows: rows, messageKey: messageKey, errorKey: errorKey)
        return try await request.view.render("role-approvals", context)
    }
}

/// What the role approvals page shows.
struct RoleApprovalsContext: Encodable {
    struct Row: Encodable {
        let account: String
        let username: String
        let role: String
        let proposedBy: String
        let when: String
        let mayDecide: Bool
        let action: String
    }

    let page: PageChrome
    let csrfToken: String
    let rows: [Row]
    let messageKey: String?
    let errorKey: String?
}
