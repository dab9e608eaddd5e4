import Fluent
import Foundation
import MentalizeCore
import Vapor

/// `/supervision`, the supervisor's page: the therapists they supervise now with their purpose
/// and caseload sizes; the supervision log (log a session, attested; this month's sessions); and
/// the process notes whose authors named them, newest first. Listing the notes is an audited list
/// of process notes (the named supervisor's basis); a patient the supervisor may not list is not
/// named. Logging a session is an audited write that says what was logged.
struct SupervisionController: RouteCollection {
    static let shownNotes = 200

    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.supervision, use: page)
        try routes.post(.supervisionSessions, use: log)
    }

    func page(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.supervisor])
        var form = SupervisionSessionForm()
        form.heldOn = try await request.clinicZone().localDate(of: request.now).description
        return try await render(request, supervisor: user.id, form: form, problems: [], status: .ok)
    }

    func log(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.supervisor])
        let form = SupervisionSessionForm(fields: try request.form([String: String].self))
        let links = try await SupervisionQueries(database: request.db).currentLinks(supervisor: user.id, at: request.now)
        let today = try await request.clinicZone().localDate(of: request.now)
        let choices = try await SupervisionCaseChoices.load(request, supervisees: links.map { $0.$therapist.id })
        switch form.checked(mySupervisees: Set(links.map { $0.$therapist.id }), caseloads: choices.caseloads, today: today) {
        case .failure(let problems):
            return try await render(request, supervisor: user.id, form: form, problems: problems.messages, status: .badRequest)
        case .success(let facts):
            let day = try LocalDate(iso: form.heldOn)
            let id = try await SupervisionLogStore(database: request.db).log(supervisor: user.id, heldOn: day, facts: facts, material: form.material,
                                                                             cases: choices.text(linked: form.linkedCases, other: form.cases), linked: form.linkedCases,
                                                                             supervisees: form.supervisees, at: request.now)
            let shape = if case .group(let n) = facts.format { "group of \(n)" } else { "individual" }
            try await request.recordAudit([AuditEntry(actorID: user.id, actorRole: .supervisor, patientID: nil, recordType: "supervisionSession",
                                                      recordID: id.uuidString, action: .write, outcome: .allowed, requestID: request.requestID, breakGlass: false,
                                                      detail: "logged and attested: \(shape), \(facts.minutes) minutes, material \(form.material), \(form.linkedCases.count) linked cases")])
            return request.redirect(to: SiteRoute.supervision.path + "#log-heading")
        }
    }

    private func render(_ request: Request, supervisor: UUID, form: SupervisionSessionForm, problems: [String], status: HTTPResponseStatus) async throws -> Response {
        let access = try request.patientAccess()
        let now = request.now
        let zone = try await request.clinicZone()
        let queries = SupervisionQueries(database: request.db)
        let links = try await queries.currentLinks(supervisor: supervisor, at: now)
        let therapists = links.map { $0.$therapist.id }
        let choices = try await SupervisionCaseChoices.load(request, supervisees: therapists)
        let sizes = try await queries.caseloadSizes(of: therapists, at: now)
        let today = zone.localDate(of: now)
        let logged = try await SupervisionLogStore(database: request.db).sessions(supervisor: supervisor, since: try LocalDate(year: today.year, month: today.month, day: 1))
        let notes = try await queries.processNotes(namingSupervisor: supervisor, limit: Self.shownNotes)
        try await access.auditListed(Array(Set(notes.map { $0.$patient.id })), kind: .processNote, scope: try await access.listScope(.processNote))
        let waiting = try await NoteReviewStore(database: request.db).queue(reviewer: supervisor)
        let ratingsToDo = try await FidelityStore(database: request.db).openCount(rater: supervisor)
        let waitingPatients = Array(Set(waiting.compactMap { $0.note.$patient.id }))
        let reviewScope = try await access.listScope(.noteReview)
        try await access.auditListed(waitingPatients.filter { reviewScope.allRows || reviewScope.patients.contains(PatientID($0)) }, kind: .noteReview, scope: reviewScope)
        let patientNames = try await ScheduleNames(request: request).listed(notes.map { $0.$patient.id } + waitingPatients)
        let groupNames = try await queries.groupNames(waiting.compactMap { $0.note.$group.id })
        let names = try await StaffNames(database: request.db).names(for: therapists + notes.map { $0.$author.id } + waiting.map { $0.$author.id } + logged.flatMap(\.supervisees))
        let context = SupervisionContext(
            page: PageChrome(titleKey: "supervision.title", request: request), csrfToken: request.csrfToken,
            supervisees: links.map { link in
                .init(id: link.$therapist.id.uuidString, name: names[link.$therapist.id] ?? "", purpose: "supervisionPurpose.\(link.supervisionPurpose.rawValue)", mode: "supervisionMode.\(link.supervisionMode.rawValue)",
                      caseload: sizes[link.$therapist.id] ?? 0, checked: form.supervisees.contains(link.$therapist.id))
            }.sorted { $0.name < $1.name },
            form: .init(heldOn: form.heldOn, minutes: form.minutes, format: form.format, material: form.material, cases: form.cases),
            caseChoices: choices.cases.map { choice in
                .init(field: "case.\(choice.patientID.uuidString)", label: "\(choice.initials) · \(names[choice.therapistID] ?? "")",
                      checked: form.linkedCases.contains(choice.patientID))
            },
            problems: problems, logPath: SiteRoute.supervisionSessions.path,
            logged: logged.map { entry in
                .init(day: (try? LocalDate(iso: entry.session.heldOn)).map { zone.dayText($0, in: DisplayTime.language) } ?? entry.session.heldOn, minutes: entry.session.minutes,
                      format: Self.formatText(entry.session.format, participants: entry.supervisees.count),
                      supervisees: entry.supervisees.compactMap { names[$0] }.sorted().joined(separator: ", "),
                      material: Self.materialText(entry.session.material), cases: entry.session.casesText)
            },
            minutesThisMonth: logged.map(\.session.minutes).reduce(0, +),
            ratingsToDo: ratingsToDo, fidelityPath: SiteRoute.fidelity.path,
            awaiting: waiting.map { review in
                let note = review.note
                return .init(since: review.awaitingSince.map { DisplayTime.clinic($0, zone: zone) } ?? "", author: names[review.$author.id] ?? "",
                             session: (try? LocalDate(iso: note.sessionDate)).map { zone.dayText($0, in: DisplayTime.language) } ?? note.sessionDate,
                             concerns: note.$patient.id.flatMap { patientNames[$0] } ?? note.$group.id.flatMap { groupNames[$0] } ?? "",
                             path: SiteRoute.session.path(source: note.sourceID, storedDate: note.sessionDate))
            },
            notes: notes.compactMap { note in
                note.id.map { id in
                    let day = (try? LocalDate(iso: note.sessionDate)).map { zone.dayText($0, in: DisplayTime.language) } ?? note.sessionDate
                    return .init(session: day, patient: patientNames[note.$patient.id] ?? "", author: names[note.$author.id] ?? "",
                                 path: SiteRoute.processNote.path(note: id))
                }
            },
            zone: zone.identifier)
        let response = try await request.view.render("supervision", context).encodeResponse(for: request)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

extension SupervisionController {
    /// A logged session's format in the page's language: "individual", or "group of 3".
    static func formatText(_ format: String, participants: Int) -> String {
        format == "group" ? PageText.text("supervision.format.group", ["count": String(participants)]) : PageText.text("supervision.format.individual")
    }

    /// The material a logged session showed ("none", "live", "recorded") in the page's language.
    static func materialText(_ material: String) -> String {
        PageText.text("supervision.materialShown.\(material)")
    }
}
