import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The clinic settings page: the admin changes the clinic's name, zone, language, public address,
/// office hours, out-of-hours instruction and helplines; a programme lead may read it. Every change
/// is audited as the admin's write of the clinic's settings.
struct ClinicSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.clinicSettings, use: page)
        try routes.post(.clinicSettingsSave, use: save)
        try routes.post(.clinicHelplineAdd, use: addHelpline)
        try routes.post(.clinicHelplineSave, use: saveHelpline)
        try routes.post(.clinicHelplineRemove, use: removeHelpline)
        try routes.post(.clinicHelplineMove, use: moveHelpline)
    }

    struct HelplineForm: Content {
        var name: String?
        var number: String?
        var hours: String?
        /// The language the line answers in; empty for any.
        var language: String?

        var entry: HelplineEntry { HelplineEntry(name: name ?? "", number: number ?? "", hours: hours ?? "") }

        /// The chosen language if it is one the site ships, nil for any; `.failure` for anything else.
        func checkedLanguage(available: Set<String>) -> Result<String?, HelplineLanguageProblem> {
            guard let language, !language.isEmpty else { return .success(nil) }
            return available.contains(language) ? .success(language) : .failure(HelplineLanguageProblem())
        }
    }

    /// A helpline language the site does not ship.
    struct HelplineLanguageProblem: Error {
        var message: String { PageText.text("clinic.error.helplineLanguage") }
    }

    struct MoveForm: Content {
        var direction: String?
    }

    func page(_ request: Request) async throws -> Response {
        let clinic = try await requireClinic(request)
        let hours = try await ClinicHours.load(clinic, on: request.db)
        return try await ClinicSettingsPage.render(request, clinic: clinic, form: ClinicSettingsForm(clinic, hours: hours.officeHours), notice: request.query[String.self, at: "saved"])
    }

    func save(_ request: Request) async throws -> Response {
        let clinic = try await requireClinic(request)
        let form = try request.form(ClinicSettingsForm.self)
        let problems = form.problems()
        guard problems.isEmpty, case .success(let hours) = form.officeHours() else {
            return try await ClinicSettingsPage.render(request, clinic: clinic, form: form, problems: problems, status: .badRequest)
        }
        clinic.name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        clinic.timeZone = form.timeZone ?? clinic.timeZone
        let language = (form.locale ?? "").isEmpty ? nil : form.locale
        clinic.defaultLanguage = language
        clinic.locale = language ?? clinic.locale
        let address = (form.publicURL ?? "").trimmingCharacters(in: .whitespaces)
        clinic.publicURL = address.isEmpty ? nil : PublicAddress.normalised(address)
        let text = (form.outOfHoursText ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        clinic.outOfHoursText = text.isEmpty ? nil : text
        clinic.officeHours = hours.storedText
        try await clinic.update(on: request.db)
        try await audit(request, record: "clinic:\(try clinic.requireID().uuidString)", change: "settings saved (name, zone, language, address, office hours, out-of-hours text)")
        return request.redirect(to: SiteRoute.clinicSettings.path + "?saved=settings")
    }

    func addHelpline(_ request: Request) async throws -> Response {
        let clinic = try await requireClinic(request)
        let form = try request.form(HelplineForm.self)
        let entry = form.entry
        guard entry.problems.isEmpty else { return try await refuse(request, clinic, entry.problems) }
        guard case .success(let language) = form.checkedLanguage(available: request.storage[AvailableLanguagesKey.self] ?? []) else {
            return try await refuse(request, clinic, [HelplineLanguageProblem().message])
        }
        let clinicID = try clinic.requireID()
        let position = try await ClinicSettingsQueries(database: request.db).helplines(clinicID: clinicID).count
        let line = Helpline(clinicID: clinicID, name: entry.name, phone: entry.number, hours: entry.hours, position: position, language: language)
        try await line.create(on: request.db)
        try await audit(request, record: "helpline:\(try line.requireID().uuidString)", change: "helpline added")
        return request.redirect(to: SiteRoute.clinicSettings.path + "?saved=helplines#helplines")
    }

    func saveHelpline(_ request: Request) async throws -> Response {
        let clinic = try await requireClinic(request)
        let line = try await requireHelpline(request, clinic)
        let form = try request.form(HelplineForm.self)
        let entry = form.entry
        guard entry.problems.isEmpty else { return try await refuse(request, clinic, entry.problems) }
        guard case .success(let language) = form.checkedLanguage(available: request.storage[AvailableLanguagesKey.self] ?? []) else {
            return try await refuse(request, clinic, [HelplineLanguageProblem().message])
        }
        (line.name, line.phone, line.hours, line.language) = (entry.name, entry.number, entry.hours, language)
        try await line.update(on: request.db)
        try await audit(request, record: "helpline:\(try line.requireID().uuidString)", change: "helpline changed")
        return request.redirect(to: SiteRoute.clinicSettings.path + "?saved=helplines#helplines")
    }

    func removeHelpline(_ request: Request) async throws -> Response {
        let clinic = try await requireClinic(request)
        let line = try await requireHelpline(request, clinic)
        let queries = ClinicSettingsQueries(database: request.db)
        let lines = try await queries.helplines(clinicID: try clinic.requireID())
        guard lines.count > 1 else {
            return try await refuse(request, clinic, [PageText.text("clinic.error.lastHelpline")], status: .conflict)
        }
        try await line.delete(on: request.db)
        try await queries.renumber(lines.filter { $0.id != line.id })
        try await audit(request, record: "helpline:\(try line.requireID().uuidString)", change: "helpline removed")
        return request.redirect(to: SiteRoute.clinicSettings.path + "?saved=helplines#helplines")
    }

    func moveHelpline(_ request: Request) async throws -> Response {
        let clinic = try await requireClinic(request)
        let line = try await requireHelpline(request, clinic)
        let step = try request.form(MoveForm.self).direction == "up" ? -1 : 1
        let queries = ClinicSettingsQueries(database: request.db)
        var lines = try await queries.helplines(clinicID: try clinic.requireID())
        if let index = lines.firstIndex(where: { $0.id == line.id }), lines.indices.contains(index + step) {
            lines.swapAt(index, index + step)
            try await queries.renumber(lines)
            try await audit(request, record: "helpline:\(try line.requireID().uuidString)", change: "helpline moved")
        }
        return request.redirect(to: SiteRoute.clinicSettings.path + "#helplines")
    }

    private func requireClinic(_ request: Request) async throws -> Clinic {
        guard let clinic = try await ClinicSettingsQueries(database: request.db).clinic() else { throw Abort(.notFound) }
        return clinic
    }

    private func requireHelpline(_ request: Request, _ clinic: Clinic) async throws -> Helpline {
        guard let line = try await ClinicSettingsQueries(database: request.db).helpline(request.parameters.get("helplineID", as: UUID.self), clinicID: try clinic.requireID()) else {
            throw Abort(.notFound)
        }
        return line
    }

    private func refuse(_ request: Request, _ clinic: Clinic, _ problems: [String], status: HTTPResponseStatus = .badRequest) async throws -> Response {
        let hours = try await ClinicHours.load(clinic, on: request.db)
        return try await ClinicSettingsPage.render(request, clinic: clinic, form: ClinicSettingsForm(clinic, hours: hours.officeHours), helplineProblems: problems, status: status)
    }

    /// The admin's audited write of the clinic's settings (`record` names the record, `change` what changed).
    private func audit(_ request: Request, record: String, change: String) async throws {
        let admin = try request.requireRole([.admin])
        try await request.recordAudit([AuditEntry(actorID: admin.id, actorRole: .admin, patientID: nil, recordType: "clinicSettings", recordID: record,
                                                  action: .write, outcome: .allowed, requestID: request.requestID, breakGlass: false, detail: change)])
    }
}
