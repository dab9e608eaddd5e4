import Fluent
import Foundation
import MentalizeCore
import Vapor

/// `POST /language`: the language switch in every page's header (a plain form, no JavaScript).
/// A signed-in person's choice is saved on their account (an audited write of their account
/// data); a visitor's is kept in a cookie, so the sign-in page can be read in their language.
/// Then back to the page they were on: the path of the `Referer` (sent for our own pages under
/// `Referrer-Policy: same-origin`; its host and query are never used), else the home page. The
/// form carries no address of its own, so a page never repeats the path it was asked for.
struct LanguageController: RouteCollection {
    let available: Set<String>

    func boot(routes: any RoutesBuilder) throws {
        try routes.post(.language, use: choose)
    }

    struct Form: Content {
        var language: String?
    }

    func choose(_ request: Request) async throws -> Response {
        let form = try request.form(Form.self)
        guard let language = form.language, available.contains(language) else { throw Abort(.badRequest, reason: "Choose one of the languages offered.") }
        let response = request.redirect(to: Self.localPath(request.headers.first(name: .referer).flatMap { URL(string: $0)?.path }))
        if let user = request.signedInUser, user.isFullySignedIn {
            user.user.language = language
            try await user.user.update(on: request.db)
            try await AccountAudit.record(request, actor: user, role: user.ownAccountRole, account: user.id, change: "language: \(language)")
        } else {
            response.cookies[LanguageMiddleware.cookieName] = HTTPCookies.Value(string: language, maxAge: 365 * 86_400, path: "/", isSecure: true,
                                                                                   isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    /// A path on this site to return to; anything else (another host, a scheme, junk) is the home page.
    static func localPath(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), text.count <= 512,
              text.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\\" }) else { return SiteRoute.home.path }
        return text
    }
}
