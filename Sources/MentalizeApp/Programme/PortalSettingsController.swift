import Fluent
import MentalizeCore
import Vapor

/// Clinic-wide patient-portal settings, for programme leads: whether the diary offers reflection
/// questions at all (patients can also switch them off for themselves).
struct PortalSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.portalSettings, use: page)
        try routes.post(.portalSettings, use: save)
    }

    func page(_ request: Request) async throws -> View {
        let user = try request.requireRole([.programmeLead])
        let clinicID = user.user.$clinic.id
        let promptsOn = try await DiaryStore(database: request.db, now: request.now).clinicPromptsEnabled(clinicID: clinicID)
        return try await request.view.render("portal-settings", PortalSettingsContext(page: PageChrome(titleKey: "portal.title", request: request), csrfToken: request.csrfToken,
                                                                                     promptsOn: promptsOn, action: SiteRoute.portalSettings.path))
    }

    func save(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.programmeLead])
        struct Form: Content { var prompts: String? }
        let form = try request.form(Form.self)
        try await DiaryStore(database: request.db, now: request.now).setPrompts(form.prompts == "on", scope: "clinic", subjectID: user.user.$clinic.id)
        return request.redirect(to: SiteRoute.portalSettings.path)
    }
}

/// The portal settings page.
struct PortalSettingsContext: Encodable {
    let page: PageChrome
    let csrfToken: String
    let promptsOn: Bool
    let action: String
}
