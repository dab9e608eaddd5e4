import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Renders the clinic settings page: editable for the admin, read-only for a programme lead.
enum ClinicSettingsPage {
    static func render(_ request: Request, clinic: Clinic, form: ClinicSettingsForm, problems: [String] = [], helplineProblems: [String] = [],
                       notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireRole([.admin, .programmeLead])
        let lines = try await ClinicSettingsQueries(database: request.db).helplines(clinicID: try clinic.requireID())
        let context = ClinicSettingsContext(
            page: PageChrome(titleKey: "settings.title", request: request), csrfToken: request.csrfToken,
            canEdit: user.roles.contains(Role.admin.rawValue), form: form, problems: problems, helplineProblems: helplineProblems,
            noticeKey: notice.flatMap { ["settings", "helplines"].contains($0) ? "settings.saved.\($0)" : nil },
            days: Weekday.allCases.map { day in .init(key: day.rawValue, name: Self.label(day), opens: form[day].opens, closes: form[day].closes) },
            locales: ClinicIdentityRules.locales.sorted().map { .init(code: $0, name: PageChrome.languageNames[$0] ?? $0) },
            helplines: lines.enumerated().map { index, line in
                .init(name: line.name, phone: line.phone, hours: line.hours, language: line.language ?? "", number: index + 1, first: index == 0, last: index == lines.count - 1,
                      savePath: line.id.map(SiteRoute.clinicHelplineSave.path(helpline:)) ?? "",
                      removePath: line.id.map(SiteRoute.clinicHelplineRemove.path(helpline:)) ?? "",
                      movePath: line.id.map(SiteRoute.clinicHelplineMove.path(helpline:)) ?? "")
            },
            helplineLanguages: (request.storage[AvailableLanguagesKey.self] ?? []).sorted().map { .init(code: $0, name: PageChrome.languageNames[$0] ?? $0) },
            savePath: SiteRoute.clinicSettingsSave.path, addHelplinePath: SiteRoute.clinicHelplineAdd.path,
            holidaysPath: user.roles.contains(Role.programmeLead.rawValue) ? SiteRoute.clinicHolidays.path : nil
        )
        let response = try await request.view.render("clinic-settings", context).encodeResponse(for: request)
        response.status = status
        return response
    }

    /// "Monday", "Maandag": a weekday as a field label in the page's language.
    private static func label(_ day: Weekday) -> String {
        let name = DateWords.weekdayLong(day, in: DisplayTime.language)
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
