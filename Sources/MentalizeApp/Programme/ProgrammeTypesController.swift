import Fluent
import MentalizeCore
import Vapor

/// Programme types beyond the two built in (adult MBT, adolescent MBT-A), added by programme
/// leads: a name, and whether carer involvement is recorded for patients on it.
struct ProgrammeTypesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.programmeTypes, use: page)
        try routes.post(.programmeTypes, use: add)
    }

    struct Form: Content {
        var name: String?
        var involvesCarer: String?
    }

    func page(_ request: Request) async throws -> Response {
        _ = try request.requireRole([.programmeLead])
        return try await render(request, form: Form(), error: nil, status: .ok)
    }

    func add(_ request: Request) async throws -> Response {
        _ = try request.requireRole([.programmeLead])
        let form = try request.form(Form.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...80).contains(name.count) else {
            return try await render(request, form: form, error: PageText.text("types.error.name"), status: .badRequest)
        }
        let key = Self.key(for: name)
        let existing = try await ClinicSetupQueries(database: request.db).programmeTypes()
        guard !key.isEmpty, !existing.contains(where: { $0.key == key || $0.name.lowercased() == name.lowercased() }) else {
            return try await render(request, form: form, error: PageText.text("types.error.exists"), status: .badRequest)
        }
        let position = (existing.map(\.position).max() ?? 0) + 1
        try await ProgrammeType(key: key, name: name, involvesCarer: form.involvesCarer == "on", builtIn: false, position: position).create(on: request.db)
        return request.redirect(to: SiteRoute.programmeTypes.path)
    }

    /// A stable key from the name: lower-case letters and digits joined by hyphens.
    static func key(for name: String) -> String {
        name.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }.joined(separator: "-")
    }

    private func render(_ request: Request, form: Form, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let types = try await ClinicSetupQueries(database: request.db).programmeTypes()
        let context = ProgrammeTypesContext(page: PageChrome(titleKey: "types.title", request: request), csrfToken: request.csrfToken,
                                            types: types.map { .init(name: $0.name, carer: $0.involvesCarer, builtIn: $0.builtIn) },
                                            error: error, name: form.name ?? "", carer: form.involvesCarer == "on", action: SiteRoute.programmeTypes.path)
        return try await request.view.render("programme-types", context).encodeResponse(status: status, for: request)
    }
}

/// The programme types page.
struct ProgrammeTypesContext: Encodable {
    struct Row: Encodable {
        let name: String
        let carer: Bool
        let builtIn: Bool
    }

    let page: PageChrome
    let csrfToken: String
    let types: [Row]
    let error: String?
    let name: String
    let carer: Bool
    let action: String
}
