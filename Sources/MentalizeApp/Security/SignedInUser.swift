import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Who is making this request, once the session or bearer token has been checked.
struct SignedInUser: Sendable {
    let user: UserAccount
    let session: UserSession

    var id: UUID { session.$user.id }
    var roles: [String] { user.roleNames }
    var isStaff: Bool { user.isStaff }
    /// The role an audit event names for a change a person makes to their own account.
    var ownAccountRole: Role {
        [Role.admin, .programmeLead, .supervisor, .therapist].first { roles.contains($0.rawValue) } ?? .patient
    }
    /// Staff need the second factor before anything but enrolment and sign-out.
    var isFullySignedIn: Bool { session.secondFactorDone }
}

struct SignedInUserKey: StorageKey {
    typealias Value = SignedInUser
}

extension Request {
    var signedInUser: SignedInUser? {
        get { storage[SignedInUserKey.self] }
        set { storage[SignedInUserKey.self] = newValue }
    }

    /// The signed-in user, or a redirect to sign-in (web) / 401 (API).
    func requireUser() throws -> SignedInUser {
        guard let user = signedInUser, user.isFullySignedIn else { throw Abort(.unauthorized) }
        return user
    }
}
