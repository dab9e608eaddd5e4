import Fluent
import Foundation
import MentalizeCore
import Vapor

/// "Email me when …": the optional notifications a person may turn on. A therapist may ask for an
/// email when a patient on their caseload writes; a patient when their team writes to them. Risk
/// alerts, invitations and password links always go and are not listed as choices.
struct NotificationPreferencesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.myNotifications, use: page)
        try routes.post(.myNotifications, use: save)
    }

    struct Form: Content {
        var patientMessage: String?
        var unreadMessage: String?
    }

    /// The choices offered to someone with these roles.
    static func choices(for roles: [String]) -> [NotificationKind] {
        var kinds: [NotificationKind] = []
        if roles.contains(Role.therapist.rawValue) { kinds.append(.patientMessage) }
        if roles == [Role.patient.rawValue] { kinds.append(.unreadMessage) }
        return kinds
    }

    func page(_ request: Request) async throws -> View {
        try await render(request, saved: request.query[String.self, at: "saved"] == "1")
    }

    func save(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.form(Form.self)
        let offered = Set(Self.choices(for: user.roles))
        var chosen: Set<NotificationKind> = []
        if form.patientMessage == "on" { chosen.insert(.patientMessage) }
        if form.unreadMessage == "on" { chosen.insert(.unreadMessage) }
        guard let account = try await UserAccount.find(user.id, on: request.db) else { throw Abort(.notFound) }
        account.setOptedIn(chosen.intersection(offered))
        try await account.update(on: request.db)
        let kept = chosen.intersection(offered).map(\.rawValue).sorted()
        try await AccountAudit.record(request, actor: user, role: user.ownAccountRole, account: user.id,
                                      change: "email notifications: " + (kept.isEmpty ? "none" : kept.joined(separator: ", ")))
        return request.redirect(to: SiteRoute.myNotifications.path + "?saved=1")
    }

    private func render(_ request: Request, saved: Bool) async throws -> View {
        let user = try request.requireUser()
        let account = try await UserAccount.find(user.id, on: request.db)
        let chosen = account?.optedInKinds ?? []
        let choices = Self.choices(for: user.roles).map { NotificationPreferencesContext.Choice(field: $0 == .patientMessage ? "patientMessage" : "unreadMessage",
                                                                                                labelKey: "notifications.choice.\($0.rawValue)", on: chosen.contains($0)) }
        return try await request.view.render("my-notifications", NotificationPreferencesContext(
            page: PageChrome(titleKey: "notifications.title", request: request), csrfToken: request.csrfToken, email: user.user.username,
            choices: choices, isStaff: user.user.isStaff, saved: saved, action: SiteRoute.myNotifications.path))
    }
}

/// What the notification choices page shows.
struct NotificationPreferencesContext: Encodable {
    struct Choice: Encodable {
        let field: String
        let labelKey: String
        let on: Bool
    }

    let page: PageChrome
    let csrfToken: String
    let email: String
    let choices: [Choice]
    let isStaff: Bool
    let saved: Bool
    let action: String
}
