import Fluent
import Foundation
import MentalizeCore
import Vapor

/// `/supervision`, the supervisor's page: the therapists they supervise now with their caseload
/// sizes, and the process notes whose authors named them, newest first. Listing the notes is an
/// audited list of process notes (the named supervisor's basis); the patients named are audited
/// as listed, and a patient the supervisor may not list is not named.
struct SupervisionController: RouteCollection {
    static let shownNotes = 200

    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.supervision, use: page)
    }

    func page(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.supervisor])
        let access = try request.patientAccess()
        let now = request.now
        let queries = SupervisionQueries(database: request.db)
        let links = try await queries.currentLinks(supervisor: user.id, at: now)
        let therapists = links.map { $0.$therapist.id }
        let sizes = try await queries.caseloadSizes(of: therapists, at: now)
        let notes = try await queries.processNotes(namingSupervisor: user.id, limit: Self.shownNotes)
        let noteScope = try await access.listScope(.processNote)
        try await access.auditListed(Array(Set(notes.map { $0.$patient.id })), kind: .processNote, scope: noteScope)
        let patientNames = try await ScheduleNames(request: request).listed(notes.map { $0.$patient.id })
        let names = try await StaffNames(database: request.db).names(for: therapists + notes.map { $0.$author.id })
        let zone = try await request.clinicZone()
        let context = SupervisionContext(
            page: PageChrome(titleKey: "supervision.title", request: request),
            supervisees: links.map { link in
                .init(name: names[link.$therapist.id] ?? "", purpose: link.supervisionPurpose.displayName, caseload: sizes[link.$therapist.id] ?? 0)
            }.sorted { $0.name < $1.name },
            notes: notes.compactMap { note in
                note.id.map { id in
                    let day = (try? LocalDate(iso: note.sessionDate)).map(zone.dayText) ?? note.sessionDate
                    return .init(session: day, patient: patientNames[note.$patient.id] ?? "", author: names[note.$author.id] ?? "",
                                 path: SiteRoute.processNote.path(note: id))
                }
            },
            zone: zone.identifier)
        let response = try await request.view.render("supervision", context).encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
