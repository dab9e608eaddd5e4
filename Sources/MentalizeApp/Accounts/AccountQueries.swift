import Fluent
import Foundation

/// The accounts the admin pages list.
struct AccountQueries {
    let database: any Database

    /// Every account, by username.
    func all() async throws -> [UserAccount] {
        try await UserAccount.query(on: database).sort(\.$username).all()
    }
}
