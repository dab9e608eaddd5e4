import Fluent
import Foundation
import Vapor

/// The web first-run page: reached only through the one-time link `serve` prints. It creates the
/// clinic, its helplines and the first administrator (``ClinicFounding``), then sends them to sign
/// in and enrol their second factor. The link is used up in the same transaction.
struct FirstRunController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.setup, use: page)
        try routes.post(.setup, use: create)
    }

    func page(_ request: Request) async throws -> View {
        guard try await liveToken(request) != nil else { throw Abort(.notFound) }
        return try await render(request, form: FirstRunForm(timeZone: "Europe/London"), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        guard let token = try await liveToken(request) else { throw Abort(.notFound) }
        let form = try request.form(FirstRunForm.self)
        var problems = form.request.problems
        if form.password != form.passwordAgain { problems.append(PageText.text("setup.error.passwordsDiffer")) }
        if problems.isEmpty {
            let accounts = AccountService(database: request.db, hasher: request.application.passwordHasher, passwordPolicy: try request.application.passwordPolicy, now: request.now)
            do {
                try await ClinicFounding(accounts: accounts).found(form.request, adminPassword: form.password ?? "") { db in
                    guard try await OneTimeTokens(database: db).redeem(token, now: request.now) else { throw ClinicFounding.Refused(description: PageText.text("setup.error.linkUsed")) }
                }
                return request.redirect(to: SignInNotice.setup.signInPath)
            } catch let refused as ClinicFounding.Refused {
                problems.append(refused.description)
            } catch let problem as AccountService.Problem {
                problems.append(problem.description)
            }
        }
        return try await render(request, form: form.keptForDisplay, problems: problems).encodeResponse(status: .badRequest, for: request)
    }

    private func liveToken(_ request: Request) async throws -> OneTimeToken? {
        try await OneTimeTokens(database: request.db).live(request.parameters.get("token") ?? "", purpose: .setup, now: request.now)
    }

    private func render(_ request: Request, form: FirstRunForm, problems: [String]) async throws -> View {
        try await request.view.render("setup", FirstRunContext(page: PageChrome(titleKey: "setup.title", request: request), csrfToken: request.csrfToken,
                                                               action: request.url.path, form: form, problems: problems))
    }
}

/// What the first-run page shows.
struct FirstRunContext: Encodable {
    struct HelplineRow: Encodable {
        let number: Int
        let name: String
        let phone: String
        let hours: String
    }

    let page: PageChrome
    let csrfToken: String
    let action: String
    let form: FirstRunForm
    let problems: [String]
    let helplines: [HelplineRow]

    init(page: PageChrome, csrfToken: String, action: String, form: FirstRunForm, problems: [String]) {
        self.page = page
        self.csrfToken = csrfToken
        self.action = action
        self.form = form
        self.problems = problems
        let names = form.helplineName ?? [], numbers = form.helplineNumber ?? [], hours = form.helplineHours ?? []
        helplines = (0..<max(FirstRunForm.helplineRows, names.count)).map { index in
            HelplineRow(number: index + 1, name: index < names.count ? names[index] : "", phone: index < numbers.count ? numbers[index] : "",
                        hours: index < hours.count ? hours[index] : "")
        }
    }
}
