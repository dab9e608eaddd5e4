import Fluent
import MentalizeCore
import Vapor

/// `/home`: where everyone lands after signing in, with the links their roles need; therapists
/// see their day (sessions, notes to sign, warnings), programme leads the recent emergency
/// (break-glass) accesses.
struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.dashboard, use: page)
    }

    func page(_ request: Request) async throws -> View {
        let user = try request.requireWebUser()
        let roles = Set(user.roles.compactMap(Role.init(rawValue:)))
        if roles == [.patient] {
            let access = try request.patientAccess()
            if let patientID = try await access.ownPatientIDs().first {
                return try await PatientHomePage.render(request, access: access, patientID: patientID)
            }
        }
        var links: [DashboardContext.Link] = []
        if !roles.isDisjoint(with: [.therapist, .supervisor, .programmeLead]) { links.append(.init(key: "dashboard.patients", path: SiteRoute.patients.path)) }
        if !roles.isDisjoint(with: [.therapist, .programmeLead]) { links.append(.init(key: "dashboard.register", path: SiteRoute.newPatient.path)) }
        if roles.contains(.patient) {
            links.append(.init(key: "dashboard.measures", path: SiteRoute.myMeasures.path))
            links.append(.init(key: "dashboard.formulation", path: SiteRoute.myFormulation.path))
            links.append(.init(key: "dashboard.report", path: SiteRoute.myReport.path))
            links.append(.init(key: "dashboard.recordAccess", path: SiteRoute.recordAccess.path))
        }
        if roles.contains(.therapist) {
            links.append(.init(key: "dashboard.caseload", path: SiteRoute.caseload.path))
            links.append(.init(key: "dashboard.schedule", path: SiteRoute.schedule.path))
        }
        if !roles.isDisjoint(with: [.therapist, .supervisor, .programmeLead]) { links.append(.init(key: "dashboard.groups", path: SiteRoute.groups.path)) }
        links.append(.init(key: "dashboard.appointments", path: SiteRoute.myAppointments.path))
        links.append(.init(key: "dashboard.calendar", path: SiteRoute.myCalendar.path))
        if !roles.isDisjoint(with: Role.clinicalStaff) {
            links.append(.init(key: "dashboard.alerts", path: SiteRoute.alerts.path))
            links.append(.init(key: "dashboard.messages", path: SiteRoute.staffInbox.path))
        }
        if !roles.isDisjoint(with: [.admin, .programmeLead]) { links.append(.init(key: "dashboard.audit", path: SiteRoute.auditLog.path)) }
        if !roles.isDisjoint(with: Role.clinicalStaff) { links.append(.init(key: "dashboard.breakGlass", path: SiteRoute.breakGlass.path)) }
        links.append(.init(key: "dashboard.notifications", path: SiteRoute.myNotifications.path))
        if !roles.isDisjoint(with: [.therapist, .supervisor]) { links.append(.init(key: "dashboard.training", path: SiteRoute.myTraining.path)) }
        if roles.contains(.programmeLead) {
            links.append(.init(key: "dashboard.programme", path: SiteRoute.programmeDashboard.path))
            links.append(.init(key: "dashboard.outcomes", path: SiteRoute.programmeOutcomes.path))
            links.append(.init(key: "dashboard.careTeam", path: SiteRoute.careTeam.path))
            links.append(.init(key: "dashboard.measurementPlan", path: SiteRoute.measurementPlan.path))
            links.append(.init(key: "dashboard.portalSettings", path: SiteRoute.portalSettings.path))
            links.append(.init(key: "dashboard.programmeTypes", path: SiteRoute.programmeTypes.path))
            links.append(.init(key: "dashboard.rooms", path: SiteRoute.clinicRooms.path))
            links.append(.init(key: "dashboard.holidays", path: SiteRoute.clinicHolidays.path))
        }
        if roles.contains(.admin) {
            links.append(.init(key: "dashboard.adminUsers", path: SiteRoute.adminUsers.path))
            links.append(.init(key: "dashboard.outbox", path: SiteRoute.adminOutbox.path))
        }
        if !roles.isDisjoint(with: [.admin, .programmeLead]) { links.append(.init(key: "dashboard.clinicSettings", path: SiteRoute.clinicSettings.path)) }
        var waitingRoles = 0
        if !roles.isDisjoint(with: [.programmeLead, .admin]) {
            links.append(.init(key: "dashboard.roleApprovals", path: SiteRoute.roleApprovals.path))
            waitingRoles = try await RoleApprovals(database: request.db, now: request.now).pendingCount()
        }
        var emergencies: [DashboardContext.Emergency] = []
        var unusualReaders: [DashboardContext.UnusualReader] = []
        if roles.contains(.programmeLead) {
            emergencies = try await recentEmergencies(request)
            unusualReaders = try await self.unusualReaders(request)
        }
        let context = DashboardContext(page: PageChrome(titleKey: roles.contains(.therapist) ? "nav.today" : "dashboard.title", request: request), displayName: user.user.displayName, isPatient: roles == [.patient],
                                       links: links, isLead: roles.contains(.programmeLead), emergencies: emergencies,
                                       waitingRoles: waitingRoles, rolesPath: SiteRoute.roleApprovals.path, unusualReaders: unusualReaders,
                                       unusualThreshold: Self.unusualReadThreshold,
                                       day: roles.contains(.therapist) ? try await TherapistDay(request: request).build() : nil,
                                       signOutEverywherePath: SiteRoute.signOutEverywhere.path, csrfToken: request.csrfToken)
        return try await request.view.render("dashboard", context)
    }

    /// Different patients' records one account may open in 24 hours before the lead is shown it.
    static let unusualReadThreshold = 25

    private func unusualReaders(_ request: Request) async throws -> [DashboardContext.UnusualReader] {
        let readers = try await UnusualReadVolumes(database: request.db).readers(now: request.now, threshold: Self.unusualReadThreshold)
        let names = try await StaffNames(database: request.db).names(for: readers.map(\.actorID))
        return readers.map { DashboardContext.UnusualReader(who: names[$0.actorID] ?? $0.actorID.uuidString, patients: $0.patients) }
    }

    /// Break-glass grants of the last 7 days, newest first (who, when, which patient: the roster is the lead's to see).
    private func recentEmergencies(_ request: Request) async throws -> [DashboardContext.Emergency] {
        let since = request.now.addingTimeInterval(-7 * 86_400)
        let grants = try await EmergencyAccessQueries(database: request.db).grants(since: since, limit: 50)
        return grants.map { grant in
            DashboardContext.Emergency(who: grant.user.displayName, patient: grant.patient.displayName,
                                       when: DisplayTime.minute(grant.grantedAt), reason: grant.reason)
        }
    }
}

/// What the dashboard template shows.
struct DashboardContext: Encodable {
    struct Link: Encodable {
        let key: String
        let path: String
    }

    struct Emergency: Encodable {
        let who: String
        let patient: String
        let when: String
        /// The reason the clinician gave, for the lead who reviews it.
        let reason: String
    }

    /// An account that opened many different patients' records in the last 24 hours.
    struct UnusualReader: Encodable {
        let who: String
        let patients: Int
    }

    let page: PageChrome
    let displayName: String
    let isPatient: Bool
    let links: [Link]
    let isLead: Bool
    let emergencies: [Emergency]
    let waitingRoles: Int
    let rolesPath: String
    let unusualReaders: [UnusualReader]
    let unusualThreshold: Int
    /// For therapists: today's sessions and what waits (the page is their "Today").
    let day: TherapistDayContext?
    let signOutEverywherePath: String
    let csrfToken: String
}
