import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Process (psychotherapy) notes on a session: written by the session's therapist, who may name one
/// of their supervisors; sealed with the data key; readable only by the author and that supervisor
/// (the policy's authorship rows), one note at a time. Never listed. A process note is about one
/// patient, as the law treats them: on a group session the therapist picks the member it concerns.
struct ProcessNoteController: RouteCollection {
    static let limit = 20_000

    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.sessionProcessNote, use: form)
        try routes.post(.sessionProcessNote, use: create)
        try routes.get(.processNote, use: show)
    }

    struct Form: Content {
        var text: String?
        var supervisorID: String?
        var patientID: String?
    }

    func form(_ request: Request) async throws -> Response {
        let opened = try await openSession(request)
        return try await render(request, opened: opened, form: Form(patientID: request.query[String.self, at: "patientID"]), error: nil, status: .ok)
    }

    func create(_ request: Request) async throws -> Response {
        let opened = try await openSession(request)
        let user = try request.requireWebUser()
        let form = try request.form(Form.self)
        guard let patient = Self.subject(of: opened, chosen: form.patientID) else {
            return try await render(request, opened: opened, form: form, error: "processNote.error.member", status: .badRequest)
        }
        let text = (form.text ?? "").trimmed
        guard !text.isEmpty, text.count <= Self.limit else {
            return try await render(request, opened: opened, form: form, error: "processNote.error.text", status: .badRequest)
        }
        let supervisors = try await supervisors(of: user.id, request: request)
        let named = form.supervisorID.flatMap(UUID.init(uuidString:)).flatMap { id in supervisors.contains { $0.id == id } ? id : nil }
        let patientID = try patient.requireID()
        let access = try request.patientAccess()
        try await access.authorize(.write, RecordDescriptor(kind: .processNote, patientID: PatientID(patientID), authorID: UserID(user.id), namedSupervisorID: named.map(UserID.init)),
                                   recordType: RecordKind.processNote.rawValue, recordID: nil)
        let record = ProcessNoteRecord()
        record.id = UUID()
        record.$patient.id = patientID
        record.sourceID = opened.session.key.source
        record.sessionDate = opened.session.key.date.description
        record.$author.id = user.id
        record.$namedSupervisor.id = named
        record.sealedText = try Self.cipher(request).seal(Data(text.utf8))
        record.createdAt = request.now
        try await record.create(on: request.db)
        return request.redirect(to: SiteRoute.processNote.path(note: try record.requireID()))
    }

    func show(_ request: Request) async throws -> Response {
        _ = try request.requireRole([.therapist, .supervisor])
        guard let record = try await ProcessNoteRecord.find(request.parameters.get("noteID", as: UUID.self), on: request.db) else { throw Abort(.notFound) }
        let access = try request.patientAccess()
        try await access.authorize(.read, RecordDescriptor(kind: .processNote, patientID: PatientID(record.$patient.id), authorID: UserID(record.$author.id),
                                                           namedSupervisorID: record.$namedSupervisor.id.map(UserID.init)),
                                   recordType: RecordKind.processNote.rawValue, recordID: record.id?.uuidString)
        let text = String(decoding: try Self.cipher(request).open(record.sealedText), as: UTF8.self)
        let names = try await StaffNames(database: request.db).names(for: [record.$author.id] + (record.$namedSupervisor.id.map { [$0] } ?? []))
        let zone = try await request.scheduleLoader().zone
        let context = ProcessNoteContext(page: PageChrome(titleKey: "processNote.title", request: request), text: text, author: names[record.$author.id] ?? "",
                                         supervisor: record.$namedSupervisor.id.flatMap { names[$0] }, written: DisplayTime.clinic(record.createdAt, zone: zone),
                                         sessionPath: SiteRoute.session.path(source: record.sourceID, storedDate: record.sessionDate))
        let response = try await request.view.render("process-note", context).encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The session in the path, opened for writing by its own therapist.
    private func openSession(_ request: Request) async throws -> SessionAccess.Opened {
        let user = try request.requireRole([.therapist])
        let door = try await SessionAccess.make(request)
        let opened = try await door.open(for: .write)
        guard opened.session.therapistIDs.contains(user.id), opened.patient != nil || !opened.members.isEmpty else { throw Abort(.notFound) }
        return opened
    }

    /// The patient the note concerns: the individual session's patient, or the chosen member of a
    /// group session (only members on the session's date whose records the therapist may reach).
    static func subject(of opened: SessionAccess.Opened, chosen: String?) -> Patient? {
        if let patient = opened.patient { return patient }
        guard let id = chosen.flatMap(UUID.init(uuidString:)) else { return nil }
        return opened.members.first { $0.id == id }
    }

    private func render(_ request: Request, opened: SessionAccess.Opened, form: Form, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let user = try request.requireWebUser()
        let supervisors = try await supervisors(of: user.id, request: request)
        let initials = Initials.directory(try SessionPage.directory(opened))
        let members: [ProcessNoteFormContext.Member] = opened.patient != nil ? [] : try opened.members.map { patient in
            let id = try patient.requireID()
            return .init(id: id.uuidString, label: "\(patient.displayName) (\(initials[PatientID(id)] ?? ""))", selected: form.patientID == id.uuidString)
        }
        let context = ProcessNoteFormContext(page: PageChrome(titleKey: "processNote.title", request: request), csrfToken: request.csrfToken, text: form.text ?? "", errorKey: error,
                                             members: members, supervisors: supervisors.map { .init(id: $0.id.uuidString, name: $0.name, selected: form.supervisorID == $0.id.uuidString) },
                                             action: SiteRoute.sessionProcessNote.path(session: opened.session.key),
                                             sessionPath: SiteRoute.session.path(session: opened.session.key))
        let response = try await request.view.render("process-note-form", context).encodeResponse(for: request)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The author's current supervisors, who may be named.
    private func supervisors(of therapistID: UUID, request: Request) async throws -> [(id: UUID, name: String)] {
        let links = try await SessionQueries(database: request.db).currentSupervisors(of: therapistID, at: request.now)
        return links.map { ($0.$supervisor.id, $0.supervisor.displayName) }
    }

    static func cipher(_ request: Request) throws -> FieldCipher {
        guard let key = request.application.storage[SecretKeyStorageKey.self] else { throw Abort(.internalServerError) }
        return FieldCipher(secretKey: key, purpose: "process-notes")
    }
}

/// The process-note form.
struct ProcessNoteFormContext: Encodable {
    struct Supervisor: Encodable {
        let id: String
        let name: String
        let selected: Bool
    }

    /// A group member the note may concern (empty for an individual session).
    struct Member: Encodable {
        let id: String
        let label: String
        let selected: Bool
    }

    let page: PageChrome
    let csrfToken: String
    let text: String
    let errorKey: String?
    let members: [Member]
    let supervisors: [Supervisor]
    let action: String
    let sessionPath: String
}

/// One process note, for its author or named supervisor.
struct ProcessNoteContext: Encodable {
    let page: PageChrome
    let text: String
    let author: String
    let supervisor: String?
    let written: String
    let sessionPath: String
}
