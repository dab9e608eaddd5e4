import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The audit log for administrators and programme leads, filtered by user, patient, dates,
/// action and break-glass, a page of events at a time. It shows ids and roles, never clinical
/// content.
struct AuditViewerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.auditLog, use: page)
    }

    struct Filters: Content {
        var user: String?
        var patient: String?
        var from: String?
        var to: String?
        var action: String?
        var breakGlass: String?
        /// Paging: show the events older than this sequence number.
        var before: Int64?
        /// Paging: show the events newer than this sequence number.
        var after: Int64?
    }

    func page(_ request: Request) async throws -> View {
        _ = try request.requireRole([.admin, .programmeLead])
        guard let key = request.application.storage[SecretKeyStorageKey.self] else { throw Abort(.internalServerError) }
        let filters = (try? request.query.decode(Filters.self)) ?? Filters()
        var criteria = AuditLogQuery.Criteria()
        var problems: [String] = []
        if let name = filters.user?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            criteria.actorIDs = try await AuditLogQuery.matchingAccounts(name, on: request.db)
        }
        if let text = filters.patient?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let id = UUID(uuidString: text) {
                criteria.patientID = id
            } else if text.uppercased().hasPrefix("P-"), let id = try await AuditPatientLabels.patientID(forPseudonym: text, key: key, on: request.db) {
                criteria.patientID = id
            } else {
                problems.append("audit.error.patient")
            }
        }
        // Days are the clinic's: "5 Dec" runs from its midnight to the next, whatever the clocks did.
        let zone = try await request.clinicZone()
        for (text, isStart) in [(filters.from, true), (filters.to, false)] {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { continue }
            guard let day = Self.day(text) else {
                problems.append(isStart ? "audit.error.from" : "audit.error.to")
                continue
            }
            let bound = zone.instant(on: isStart ? day : day.adding(days: 1), at: .midnight)
            if isStart { criteria.fromMicroseconds = AuditTime.microseconds(bound) } else { criteria.toMicroseconds = AuditTime.microseconds(bound) }
        }
        criteria.action = filters.action.flatMap(AccessAction.init(rawValue:))?.rawValue
        criteria.breakGlassOnly = filters.breakGlass == "on"
        let page = try await AuditLogQuery(database: request.db, criteria: criteria).page(before: filters.before, after: filters.after)
        let names = try await StaffNames(database: request.db).names(for: page.rows.compactMap(\.actorID))
        let labels = try await AuditPatientLabels.load(for: page.rows.compactMap(\.patientID), access: request.patientAccess(), key: key, on: request.db)
        // An account write names the account changed (its name, as staff see names in the log).
        let accounts = try await StaffNames(database: request.db).names(for: page.rows.filter { $0.recordType == RecordKind.accountData.rawValue }.compactMap { $0.recordID.flatMap(UUID.init(uuidString:)) })
        // The reason a clinician gave for emergency access is free text they wrote: the lead reviews it, the admin does not see it.
        let reasons = try request.requireWebUser().roles.contains(Role.programmeLead.rawValue) ? try await breakGlassReasons(page.rows, on: request.db) : [:]
        let rows = page.rows.map { row in
            AuditViewerContext.Row(sequence: row.sequence, time: Self.localTime(AuditTime.date(fromMicroseconds: row.occurredAtMicroseconds), zone: zone),
                                   who: labels.actor(row.actorID.flatMap { names[$0] } ?? "—", role: row.actorRole, patient: row.patientID), byOperator: row.actorID == OperatorAudit.actorID, role: row.actorRole, patient: labels.patient(row.patientID),
                                   record: labels.record(row.recordType, patient: row.patientID)
                                       + (row.recordType == RecordKind.accountData.rawValue ? row.recordID.flatMap(UUID.init(uuidString:)).flatMap { accounts[$0] }.map { ": \($0)" } ?? "" : ""),
                                   action: row.action, outcome: row.outcome, breakGlass: row.breakGlass, reason: reasons[row.sequence], change: row.detail, listed: 1)
        }
        let context = AuditViewerContext(page: PageChrome(titleKey: "audit.title", request: request), filters: filters, problems: problems,
                                         actions: AccessAction.allCases.map(\.rawValue), rows: AuditListFolding.fold(rows, events: page.rows),
                                         paging: AuditViewerContext.Paging(page, filters: filters))
        return try await request.view.render("audit", context)
    }

    /// For each break-glass event on the page, the reason given for the grant it used (the grant
    /// of that person to that patient in force at the time).
    private func breakGlassReasons(_ rows: [AuditEventRecord], on db: any Database) async throws -> [Int64: String] {
        let used = rows.filter(\.breakGlass)
        let grants = try await EmergencyAccessQueries(database: db).grants(users: Array(Set(used.compactMap(\.actorID))), patients: Array(Set(used.compactMap(\.patientID))))
        var reasons: [Int64: String] = [:]
        for row in used {
            let at = AuditTime.date(fromMicroseconds: row.occurredAtMicroseconds)
            let grant = grants.filter { $0.$user.id == row.actorID && $0.$patient.id == row.patientID && $0.grantedAt <= at.addingTimeInterval(1) }.max { $0.grantedAt < $1.grantedAt }
            if let grant { reasons[row.sequence] = grant.reason }
        }
        return reasons
    }

    /// "Sat 5 Dec 2026 14:03:12" in the clinic's zone: an audit event to the second, as people read times.
    static func localTime(_ instant: Date, zone: ClinicZone) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) % 60
        return "\(zone.dayText(zone.localDate(of: instant), in: DisplayTime.language)) \(zone.localTime(of: instant)):\(seconds < 10 ? "0" : "")\(seconds)"
    }

    /// A real `yyyy-mm-dd` day; nil for anything else (2026-13-45, 2026-02-30).
    static func day(_ text: String) -> LocalDate? {
        guard text.count == 10, let day = try? LocalDate(iso: text), day.description == text else { return nil }
        return day
    }
}

/// What the audit viewer shows.
struct AuditViewerContext: Encodable {
    struct Row: Encodable {
        let sequence: Int64
        let time: String
        let who: String
        /// A backup or restore by the operator at the host (``OperatorAudit``), who has no account.
        let byOperator: Bool
        let role: String
        let patient: String
        let record: String
        let action: String
        let outcome: String
        let breakGlass: Bool
        /// The reason given for the emergency access this event used (shown to the lead only).
        let reason: String?
        /// What an account or settings write changed.
        let change: String?
        /// How many patients one list event row stands for (list events of one request are folded).
        var listed: Int
    }

    /// Where the page sits among the matching events, and links to the next pages that keep the
    /// filters.
    struct Paging: Encodable {
        let first: Int
        let last: Int
        let total: Int
        let newerPath: String?
        let olderPath: String?

        init(_ page: AuditLogQuery.Page, filters: AuditViewerController.Filters) {
            first = page.rows.isEmpty ? 0 : page.newerCount + 1
            last = page.newerCount + page.rows.count
            total = page.total
            newerPath = page.hasNewer ? page.rows.first.map { Self.path(filters, paging: URLQueryItem(name: "after", value: String($0.sequence))) } : nil
            olderPath = page.hasOlder ? page.rows.last.map { Self.path(filters, paging: URLQueryItem(name: "before", value: String($0.sequence))) } : nil
        }

        /// The audit path with the filters as given and one paging parameter.
        static func path(_ filters: AuditViewerController.Filters, paging: URLQueryItem) -> String {
            var components = URLComponents()
            components.path = SiteRoute.auditLog.path
            let kept = [("user", filters.user), ("patient", filters.patient), ("from", filters.from), ("to", filters.to),
                        ("action", filters.action), ("breakGlass", filters.breakGlass)]
            components.queryItems = kept.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) } } + [paging]
            // `+` would read as a space: encode it (and keep the rest of URLComponents' encoding).
            components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
            return components.string ?? SiteRoute.auditLog.path
        }
    }

    let page: PageChrome
    let filters: AuditViewerController.Filters
    let problems: [String]
    let actions: [String]
    let rows: [Row]
    let paging: Paging
}
