/// What the sign-in template shows.
struct SignInContext: Encodable {
    let page: PageChrome
    let clinicName: String?
    let errorKey: String?
    /// Good news from the step before (the clinic was set up, a password was chosen).
    let noticeKey: String?
    let csrfToken: String
    /// What the person typed, kept after a failed attempt so they only retype the password.
    let username: String
    /// The form's address, carrying where to return to after signing in (``ReturnPath``).
    let action: String
    /// The clinic's helplines, one tap away before signing in too.
    let helplines: [HelplineLine]
    let forgotPath = SiteRoute.forgotPassword.path
}
