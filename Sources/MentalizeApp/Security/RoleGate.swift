import MentalizeCore
import Vapor

extension Request {
    /// The fully signed-in user if they hold one of `roles`; anyone else gets the same 404 as for a
    /// page that does not exist.
    func requireRole(_ roles: Set<Role>) throws -> SignedInUser {
        let user = try requireWebUser()
        guard user.roles.contains(where: { Role(rawValue: $0).map(roles.contains) ?? false }) else { throw Abort(.notFound) }
        return user
    }
}
