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
        let queries = RecordAccessQueries(database: request.db)
        let rows = try await queries.readsByOthers(of: own, reader: access.user.id, limit: 200)
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
