import MentalizeCore
import Vapor

/// The bar of sections under the header on every staff page, in the order each role works
/// through its day, with the open and unread counts beside them. Plain links: it works without
/// JavaScript and wraps into a grid on a phone.
struct StaffNavigation: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        let key: String
        let path: String
        /// Shown as a badge when above zero.
        let count: Int
        /// The page being shown is this section (marked `aria-current`).
        let current: Bool
    }

    let items: [Item]

    /// The sections for someone holding `roles`, each once, in role order (therapist, supervisor,
    /// lead, admin). Nil for patients and people without a staff role.
    init?(roles: Set<Role>, counts: NavigationCounts, currentPath: String) {
        var sections: [(String, SiteRoute, Int)] = []
        if roles.contains(.therapist) {
            sections += [("nav.today", .dashboard, counts.unsignedNotes), ("nav.caseload", .caseload, 0), ("nav.patients", .patients, 0),
                         ("nav.groups", .groups, 0), ("nav.schedule", .schedule, 0), ("nav.fidelity", .fidelity, counts.ratingsToDo)]
        }
        if roles.contains(.supervisor) {
            sections += [("nav.today", .dashboard, 0), ("nav.supervision", .supervision, counts.notesAwaitingReview), ("nav.patients", .patients, 0), ("nav.groups", .groups, 0),
                         ("nav.fidelity", .fidelity, counts.ratingsToDo)]
        }
        if !roles.isDisjoint(with: Role.clinicalStaff) {
            sections += [("nav.messages", .staffInbox, counts.unreadMessages), ("nav.alerts", .alerts, counts.openAlerts)]
        }
        if roles.contains(.programmeLead) {
            sections += [("nav.programme", .programmeDashboard, 0), ("nav.outcomes", .programmeOutcomes, 0), ("nav.fidelity", .programmeFidelity, 0), ("nav.patients", .patients, 0), ("nav.careTeams", .careTeam, 0),
                         ("nav.approvals", .roleApprovals, counts.waitingRoles), ("nav.audit", .auditLog, 0), ("nav.settings", .clinicSettings, 0)]
        }
        if roles.contains(.admin) {
            sections += [("nav.accounts", .adminUsers, 0), ("nav.approvals", .roleApprovals, counts.waitingRoles), ("nav.settings", .clinicSettings, 0),
                         ("nav.audit", .auditLog, 0), ("nav.outbox", .adminOutbox, counts.failedDeliveries)]
        }
        var seen: Set<String> = []
        let unique = sections.filter { seen.insert($0.1.path).inserted }
        // The deepest section holding the page is the current one: /programme/outcomes is Outcomes, not Programme.
        let current = unique.map(\.1.path).filter { Self.isWithin(currentPath, section: $0) }.max { $0.count < $1.count }
        let items = unique.map { key, route, count in
            Item(key: key, path: route.path, count: count, current: route.path == current)
        }
        guard !items.isEmpty else { return nil }
        self.items = items
    }

    /// `/patients/123/measures` is within Patients; `/home` only itself.
    private static func isWithin(_ path: String, section: String) -> Bool {
        path == section || (section != SiteRoute.dashboard.path && path.hasPrefix(section + "/"))
    }
}

/// The counts the navigation shows, loaded once per staff page (see `NavigationCountsMiddleware`).
struct NavigationCounts: Sendable {
    var openAlerts = 0
    var unreadMessages = 0
    var unsignedNotes = 0
    /// Supervisees' signed notes waiting for the supervisor's review.
    var notesAwaitingReview = 0
    /// Fidelity ratings asked of the clinician and not yet submitted.
    var ratingsToDo = 0
    var waitingRoles = 0
    var failedDeliveries = 0
}

/// Where a request's navigation counts are left for the page chrome.
struct NavigationCountsKey: StorageKey {
    typealias Value = NavigationCounts
}
