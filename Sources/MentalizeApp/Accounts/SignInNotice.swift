import Vapor

/// The notice the sign-in page shows after a step that sends people to it (`?done=setup`).
enum SignInNotice: String, CaseIterable {
    case setup, activated, passwordReset = "password-reset"

    var key: String {
        switch self {
        case .setup: "signIn.setupDone"
        case .activated: "signIn.activated"
        case .passwordReset: "signIn.passwordReset"
        }
    }

    /// The path of the sign-in page with this notice.
    var signInPath: String { SiteRoute.signIn.path + "?done=" + rawValue }

    static func key(_ request: Request) -> String? {
        (try? request.query.get(String.self, at: "done")).flatMap(SignInNotice.init(rawValue:))?.key
    }
}
