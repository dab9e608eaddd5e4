import Vapor

extension Request {
    /// The fully signed-in user of a web page; otherwise the person is sent to sign in (or, for staff
    /// half-way through, to the second factor).
    func requireWebUser() throws -> SignedInUser {
        guard let user = signedInUser else { throw Abort.redirect(to: SiteRoute.signIn.path) }
        guard user.isFullySignedIn else { throw Abort.redirect(to: SiteRoute.secondFactor.path) }
        return user
    }
}
