import Vapor

extension Request {
    /// The fully signed-in user of a web page; otherwise the person is sent to sign in (or, for staff
    /// half-way through, to the second factor), and brought back to the page they opened after.
    func requireWebUser() throws -> SignedInUser {
        let here = method == .GET ? url.string : nil
        guard let user = signedInUser else { throw Abort.redirect(to: ReturnPath.path(SiteRoute.signIn.path, returningTo: here)) }
        guard user.isFullySignedIn else { throw Abort.redirect(to: ReturnPath.path(SiteRoute.secondFactor.path, returningTo: here)) }
        return user
    }
}
