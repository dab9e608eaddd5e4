import Fluent
import Foundation
import MentalizeCore
@testable import MentalizeApp
import VaporTesting

/// Clients already signed in as a demo user: a web session cookie or an API bearer token, made
/// directly in the session store (the sign-in flows themselves are tested elsewhere).
enum SignedInClients {
    static func web(_ app: Application, userID: UUID, live: Bool = false) async throws -> WebClient {
        let store = SessionStore(database: app.db, rules: .init(), now: app.clock.now())
        let (token, _) = try await store.start(userID: userID, kind: "web", secondFactorDone: true)
        let client = WebClient(app: app, live: live)
        client.setCookie(SessionCookie.name, token)
        return client
    }

    static func apiToken(_ app: Application, userID: UUID) async throws -> String {
        let store = SessionStore(database: app.db, rules: .init(), now: app.clock.now())
        return try await store.start(userID: userID, kind: "api", secondFactorDone: true).token
    }
}
