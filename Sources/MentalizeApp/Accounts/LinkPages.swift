import Fluent
import Foundation
import Vapor

/// The pages reached from an emailed single-use link (portal activation, password reset) and the
/// "forgot password" form: signed out, so each carries the clinic's helplines too.
struct LinkPageContext: Encodable {
    let page: PageChrome
    let csrfToken: String
    let action: String
    let headingKey: String
    let introKey: String
    /// The account's sign-in name, shown where a password is chosen.
    let username: String?
    let problems: [String]
    let helplines: [HelplineLine]

    static func render(_ request: Request, template: String, titleKey: String, headingKey: String, introKey: String, username: String? = nil,
                       problems: [String] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = LinkPageContext(page: PageChrome(titleKey: titleKey, request: request), csrfToken: request.csrfToken, action: request.url.path,
                                      headingKey: headingKey, introKey: introKey, username: username, problems: problems,
                                      helplines: try await Helplines(database: request.db).signedOut(language: request.language))
        let response = try await request.view.render(template, context).encodeResponse(for: request)
        response.status = status
        return response
    }

    /// A link that is unknown, used, withdrawn or expired: said plainly, with what to do.
    static func spent(_ request: Request, introKey: String) async throws -> Response {
        try await render(request, template: "link-message", titleKey: "link.spentTitle", headingKey: "link.spentHeading", introKey: introKey, status: .notFound)
    }
}

/// A new password, typed twice.
struct NewPasswordForm: Content {
    var password: String?
    var passwordAgain: String?

    var mismatch: Bool { password != passwordAgain }

    /// Reads the form and runs `save` with the password unless the two typed differ; the problems
    /// to show again (none when saved).
    static func save(_ request: Request, _ save: (String) async throws -> Void) async throws -> [String] {
        let form = try request.form(NewPasswordForm.self)
        guard !form.mismatch else { return [PageText.text("password.mismatch")] }
        do {
            try await save(form.password ?? "")
            return []
        } catch let problem as AccountService.Problem {
            return [problem.description]
        }
    }
}
