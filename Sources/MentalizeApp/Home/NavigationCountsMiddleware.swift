import Fluent
import Foundation
import MentalizeCore
import Vapor

/// For signed-in staff on a page: counts what waits in each section of the navigation (open risk
/// alerts addressed to them, unread messages, unsigned notes, notes awaiting review, ratings to do, role proposals, failed deliveries).
/// Counts name nobody, so they are not audited as lists. Runs after the alert banner is loaded.
struct NavigationCountsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.signedInUser, user.isFullySignedIn, user.isStaff, request.method == .GET,
              !request.url.path.hasPrefix("/api/"), !request.url.path.hasPrefix("/static/") else {
            return try await next.respond(to: request)
        }
        request.storage[NavigationCountsKey.self] = try await counts(request, user: user)
        return try await next.respond(to: request)
    }

    private func counts(_ request: Request, user: SignedInUser) async throws -> NavigationCounts {
        let roles = Set(user.roles.compactMap(Role.init(rawValue:)))
        var counts = NavigationCounts(openAlerts: request.storage[OpenAlertsKey.self]?.count ?? 0)
        if !roles.isDisjoint(with: Role.clinicalStaff) {
            let scope = try await request.patientAccess().listScope(.message)
            let threads = try await MessageStore(database: request.db, now: request.now).threads(patientIDs: scope.patients.map(\.rawValue), reader: user.id)
            counts.unreadMessages = threads.filter { $0.unread > 0 }.count
        }
        if roles.contains(.therapist) {
            counts.unsignedNotes = try await SessionQueries(database: request.db).draftCount(by: user.id)
        }
        if !roles.isDisjoint(with: [.therapist, .supervisor]) {
            counts.ratingsToDo = try await FidelityStore(database: request.db).openCount(rater: user.id)
        }
        if roles.contains(.supervisor) {
            counts.notesAwaitingReview = try await NoteReviewStore(database: request.db).awaitingCount(reviewer: user.id)
        }
        if !roles.isDisjoint(with: [.programmeLead, .admin]) {
            counts.waitingRoles = try await RoleApprovals(database: request.db, now: request.now).pendingCount()
        }
        if roles.contains(.admin) {
            counts.failedDeliveries = try await OutboxQueries(database: request.db).failedCount()
        }
        return counts
    }
}
