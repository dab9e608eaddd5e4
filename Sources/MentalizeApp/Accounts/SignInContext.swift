import Vapor

/// What the sign-in template shows.
struct SignInContext: Encodable {
    let page: PageChrome
    let clinicName: String?
    let errorKey: String?
    let csrfToken: String
    /// What the person typed, kept after a failed attempt so they only retype the password.
    let username: String
    /// The form's address, carrying where to return to after signing in (``ReturnPath``).
    let action: String
    /// The clinic's helplines, one tap away before signing in too.
    let helplines: [HelplineLine]

    init(request: Request, clinicName: String?, errorKey: String?, username: String, helplines: [HelplineLine], action: String) {
        self.page = PageChrome(titleKey: "signIn.title", request: request)
        self.clinicName = clinicName
        self.errorKey = errorKey
        self.csrfToken = request.csrfToken
        self.username = username
        self.helplines = helplines
        self.action = action
    }
}
