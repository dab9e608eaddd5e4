import Fluent
import MentalizeCore
import Vapor

/// The audit log for administrators and programme leads, filtered by user, patient, dates,
/// action and break-glass. It shows ids and roles, never clinical content.
struct AuditViewerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.auditLog.pathComponents, use: page)
    }

    struct Filters: Content {
        var user: String?
        var patient: String?
        var from: String?
        var to: String?
        var action: String?
        var breakGlass: String?
    }

    func page(_ request: Request) async throws -> View {
        _ = try request.requireRole([.admin, .programmeLead])
        let filters = (try? request.query.decode(Filters.self)) ?? Filters()
        var query = AuditEventRecord.query(on: request.db).sort(\.$sequence, .descending).limit(100)
        var problems: [String] = []
        if let name = filters.user?.trimmingCharacters(in: .whitespaces).lowercased(), !name.isEmpty {
            let account = try await UserAccount.query(on: request.db).filter(\.$username == name).first()
            query = query.filter(\.$actorID == (account?.id ?? UUID()))
        }
        if let text = filters.patient?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let id = UUID(uuidString: text) { query = query.filter(\.$patientID == id) } else { problems.append("audit.error.patient") }
        }
        if let day = filters.from.flatMap(Self.day) { query = query.filter(\.$occurredAtMicroseconds >= AuditTime.microseconds(day)) }
        if let day = filters.to.flatMap(Self.day) { query = query.filter(\.$occurredAtMicroseconds < AuditTime.microseconds(day.addingTimeInterval(86_400))) }
        if let action = filters.action.flatMap(AccessAction.init(rawValue:)) { query = query.filter(\.$action == action.rawValue) }
        if filters.breakGlass == "on" { query = query.filter(\.$breakGlass == true) }
        let rows = try await query.all()
        let names = try await StaffNames(database: request.db).names(for: rows.compactMap(\.actorID))
        let context = AuditViewerContext(page: PageChrome(titleKey: "audit.title", request: request), filters: filters, problems: problems, actions: AccessAction.allCases.map(\.rawValue), rows: rows.map { row in
            AuditViewerContext.Row(sequence: row.sequence, time: AuditTime.iso8601(AuditTime.date(fromMicroseconds: row.occurredAtMicroseconds)),
                                   who: row.actorID.flatMap { names[$0] } ?? "—", byOperator: row.actorID == OperatorAudit.actorID, role: row.actorRole, patient: row.patientID?.uuidString ?? "",
                                   record: row.recordType, action: row.action, outcome: row.outcome, breakGlass: row.breakGlass)
        })
        return try await request.view.render("audit", context)
    }

    /// A `yyyy-mm-dd` day at 00:00 UTC.
    static func day(_ text: String) -> Date? {
        guard !text.isEmpty else { return nil }
        return try? Date(text + "T00:00:00Z", strategy: .iso8601)
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
    }

    let page: PageChrome
    let filters: AuditViewerController.Filters
    let problems: [String]
    let actions: [String]
    let rows: [Row]
}
