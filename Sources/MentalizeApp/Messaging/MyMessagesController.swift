import Fluent
import MentalizeCore
import Vapor

/// The patient's secure messages with their care team, under a clear "not for emergencies"
/// banner with the helplines. A message with risk language shows the crisis plan and helplines
/// at once and alerts the care team.
struct MyMessagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.myMessages, use: list)
        try routes.post(.myMessagesStart, use: start)
        try routes.get(.myMessageThread, use: thread)
        try routes.post(.myMessageReply, use: reply)
    }

    func list(_ request: Request) async throws -> Response {
        let (access, patient) = try await ownPatient(request, for: .list)
        return try await renderList(request, access: access, patient: patient, form: MessageForm(), error: nil, status: .ok)
    }

    func start(_ request: Request) async throws -> Response {
        let (access, patient) = try await ownPatient(request, for: .write)
        let form = try request.form(MessageForm.self)
        guard let key = form.storedKey(author: access.user.id) else { throw Abort(.badRequest) }
        if let problem = MessageStore.problem(subject: form.trimmedSubject, body: form.trimmedBody) {
            return try await renderList(request, access: access, patient: patient, form: form, error: problem, status: .badRequest)
        }
        let patientID = try patient.requireID()
        let thread = try await MessageStore(database: request.db, now: request.now).start(patientID: patientID, subject: form.trimmedSubject, body: form.trimmedBody,
                                                                    author: access.user, fromPatient: true, key: key, notify: MessageNotices.patientWrote(request, patientID: patientID))
        let flagged = try await MessageRiskCheck.screen(form.trimmedSubject + "\n" + form.trimmedBody, patientID: patientID, messageThreadID: try thread.requireID(), request: request, access: access)
        return request.redirect(to: SiteRoute.myMessageThread.path(thread: try thread.requireID()) + (flagged ? "?support=1" : ""))
    }

    func thread(_ request: Request) async throws -> View {
        let (_, patient, thread) = try await ownThread(request, for: .read)
        return try await MessageThreadPage.render(request, patient: patient, thread: thread, replyPath: SiteRoute.myMessageReply.path(thread: try thread.requireID()),
                                                  backPath: SiteRoute.myMessages.path, support: request.query[String.self, at: "support"] == "1", error: nil, draft: nil)
    }

    func reply(_ request: Request) async throws -> Response {
        let (access, patient, thread) = try await ownThread(request, for: .write)
        let form = try request.form(MessageForm.self)
        guard let key = form.storedKey(author: access.user.id) else { throw Abort(.badRequest) }
        let threadPath = SiteRoute.myMessageThread.path(thread: try thread.requireID())
        if let problem = MessageStore.problem(subject: nil, body: form.trimmedBody) {
            let view = try await MessageThreadPage.render(request, patient: patient, thread: thread, replyPath: SiteRoute.myMessageReply.path(thread: try thread.requireID()),
                                                          backPath: SiteRoute.myMessages.path, support: false, error: problem, draft: form.body)
            return try await view.encodeResponse(status: .badRequest, for: request)
        }
        try await MessageStore(database: request.db, now: request.now).reply(to: thread, body: form.trimmedBody, author: access.user, fromPatient: true, key: key,
                                                                             notify: MessageNotices.patientWrote(request, patientID: try patient.requireID()))
        let flagged = try await MessageRiskCheck.screen(form.trimmedBody, patientID: try patient.requireID(), messageThreadID: try thread.requireID(), request: request, access: access)
        return request.redirect(to: threadPath + (flagged ? "?support=1" : ""))
    }

    private func ownPatient(_ request: Request, for action: AccessAction) async throws -> (PatientAccess, Patient) {
        let access = try request.patientAccess()
        return (access, try await access.ownPatient(for: action, kind: .message))
    }

    private func ownThread(_ request: Request, for action: AccessAction) async throws -> (PatientAccess, Patient, MessageThread) {
        let access = try request.patientAccess()
        guard let patientID = try await access.ownPatientIDs().first, let id = request.parameters.get("threadID", as: UUID.self) else { throw Abort(.notFound) }
        // The audit event names the thread: it is also the reader's read mark (see MessageStore).
        let patient = try await access.patient(patientID, for: action, kind: .message, recordID: id.uuidString)
        guard let thread = try await MessageStore(database: request.db, now: request.now).thread(id, patientID: patientID) else { throw Abort(.notFound) }
        return (access, patient, thread)
    }

    private func renderList(_ request: Request, access: PatientAccess, patient: Patient, form: MessageForm, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let summaries = try await MessageStore(database: request.db, now: request.now).threads(patientID: try patient.requireID(), reader: access.user.id)
        let helplines = try await Helplines(database: request.db).lines(clinicID: patient.$clinic.id, language: request.language)
        let context = MyMessagesContext(
            page: PageChrome(titleKey: "messages.myTitle", request: request), csrfToken: request.csrfToken,
            threads: summaries.compactMap { ThreadLine($0, route: .myMessageThread, showPatient: false) },
            helplines: helplines,
            crisisPath: SiteRoute.myCrisisPlan.path, action: SiteRoute.myMessagesStart.path, error: error,
            subject: form.subject ?? "", body: form.body ?? "", key: form.key ?? UUID().uuidString
        )
        return try await request.view.render("my-messages", context).encodeResponse(status: status, for: request)
    }
}

/// The patient's messages page.
struct MyMessagesContext: Encodable {
    let page: PageChrome
    let csrfToken: String
    let threads: [ThreadLine]
    let helplines: [HelplineLine]
    let crisisPath: String
    let action: String
    let error: String?
    let subject: String
    let body: String
    let key: String
}
