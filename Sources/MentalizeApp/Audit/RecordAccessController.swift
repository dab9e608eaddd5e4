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
        let rows = try await RecordAccessQueries(database: request.db).readsByOthers(of: own, reader: access.user.id, limit: 2000)
        let names = try await StaffNames(database: request.db).names(for: rows.compactMap(\.actorID))
        let zone = try await request.clinicZone()
        let accesses = rows.map { RecordAccessSummary.Access(actorID: $0.actorID, actorRole: $0.actorRole, action: $0.action, breakGlass: $0.breakGlass,
                                                             occurredAt: AuditTime.date(fromMicroseconds: $0.occurredAtMicroseconds)) }
        let context = RecordAccessContext(page: PageChrome(titleKey: "recordAccess.title", request: request),
                                          days: RecordAccessSummary.days(accesses, zone: zone, names: names), zone: zone.identifier)
        return try await request.view.render("record-access", context)
    }
}

/// What the record-access page shows.
struct RecordAccessContext: Encodable {
    let page: PageChrome
    let days: [RecordAccessSummary.Day]
    let zone: String
}
