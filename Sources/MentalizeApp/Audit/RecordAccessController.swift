import Fluent
import MentalizeCore
import Vapor

/// "Who has looked at my record": a patient's view of the staff accesses in the audit log.
struct RecordAccessController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.recordAccess, use: page)
    }

    func page(_ request: Request) async throws -> View {
        let access = try request.patientAccess()
        let own = try await access.facts().patientAccounts.filter { $0.userID.rawValue == access.user.id }.map(\.patientID.rawValue)
        for patientID in own {
            try await access.authorize(.read, RecordDescriptor(kind: .demographics, patientID: PatientID(patientID)), recordType: "record-access-log", recordID: nil)
        }
        let rows = own.isEmpty ? [] : try await AuditEventRecord.query(on: request.db)
            .filter(\.$patientID ~~ own)
            .filter(\.$actorID != access.user.id)
            .filter(\.$outcome == AuditOutcome.allowed.rawValue)
            .sort(\.$sequence, .descending)
            .limit(200)
            .all()
        let names = try await StaffNames(database: request.db).names(for: rows.compactMap(\.actorID))
        let context = RecordAccessContext(page: PageChrome(titleKey: "recordAccess.title", request: request), rows: rows.map { row in
            RecordAccessContext.Row(
                time: DisplayTime.minute(AuditTime.date(fromMicroseconds: row.occurredAtMicroseconds)),
                who: row.actorID.flatMap { names[$0] } ?? "—",
                roleKey: "role.\(row.actorRole)",
                actionKey: "action.\(row.action)",
                breakGlass: row.breakGlass
            )
        })
        return try await request.view.render("record-access", context)
    }
}

/// Display names of staff, looked up in one query.
struct StaffNames {
    let database: any Database

    func names(for ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let users = try await UserAccount.query(on: database).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(users.compactMap { user in user.id.map { ($0, user.displayName) } }, uniquingKeysWith: { first, _ in first })
    }
}

/// What the record-access page shows.
struct RecordAccessContext: Encodable {
    struct Row: Encodable {
        let time: String
        let who: String
        let roleKey: String
        let actionKey: String
        let breakGlass: Bool
    }

    let page: PageChrome
    let rows: [Row]
}
