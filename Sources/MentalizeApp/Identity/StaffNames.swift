import Fluent
import Foundation

/// Display names of staff accounts, looked up in one query.
struct StaffNames {
    let database: any Database

    func names(for ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let users = try await UserAccount.query(on: database).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(users.compactMap { user in user.id.map { ($0, user.displayName) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The accounts themselves (for notifications: their sign-in address and whether they are disabled).
    func accounts(_ ids: Set<UUID>) async throws -> [UserAccount] {
        guard !ids.isEmpty else { return [] }
        return try await UserAccount.query(on: database).filter(\.$id ~~ Array(ids)).sort(\.$username).all()
    }
}
