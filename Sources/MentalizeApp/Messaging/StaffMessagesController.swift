import Fluent
import MentalizeCore
import Vapor

/// Staff side of secure messages: an inbox over the patients one may read messages of (scoped
/// in SQL by the access policy) with unread counts, a patient's conversations, starting one,
/// and reading and answering a conversation.
struct StaffMessagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.staffInbox, use: inbox)
        try routes.get(.patientMessages, use: patientThreads)
        try routes.post(.patientMessageStart, use: start)
        try routes.get(.messageThread, use: thread)
        try routes.post(.messageReply, use: reply)
    }

    func inbox(_ request: Request) async throws -> View {
        let user = try request.requireRole(Role.clinicalStaff)
        let access = try request.patientAccess()
        let scope = try await access.listScope(.message)
        let patientIDs = scope.allRows ? [] : scope.patients.map(\.rawValue)
        let summaries = try await MessageStore(database: request.db, now: request.now).threads(patientIDs: patientIDs, reader: user.id)
        try await access.auditListed(Array(Set(summaries.map { $0.thread.$patient.id })), kind: .message, scope: scope)
        let lines = summaries.compactMap { ThreadLine($0, route: .messageThread, showPatient: true) }
        return try await request.view.render("staff-inbox", StaffInboxContext(page: PageChrome(titleKey: "messages.inboxTitle", request: request), threads: lines))
    }

    func patientThreads(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        return try await renderPatient(request, access: access, patient: patient, form: MessageForm(), error: nil, status: .ok)
    }

    func start(_ request: Request, _ authorised: AuthorisedPatient) async throws -> Response {
        let access = authorised.access
        let patient = authorised.patient
        let form = try request.form(MessageForm.self)
        guard let key = form.storedKey(author: access.user.id), MessageStore.problem(subject: form.trimmedSubject, body: form.trimmedBody) == nil else {
            let problem = MessageStore.problem(subject: form.trimmedSubject, body: form.trimmedBody) ?? PageText.text("messages.error.formIncomplete")
            return try await renderPatient(request, access: access, patient: patient, form: form, error: problem, status: .badRequest)
        }
        let thread = try await MessageStore(database: request.db, now: request.now).start(patientID: try patient.requireID(), subject: form.trimmedSubject, body: form.trimmedBody,
                                                                    author: access.user, fromPatient: false, key: key, notify: MessageNotices.teamWrote(request, patientID: try patient.requireID()))
        return request.redirect(to: SiteRoute.messageThread.path(thread: try thread.requireID()))
    }

    func thread(_ request: Request) async throws -> View {
        let (_, patient, thread) = try await load(request, for: .read)
        return try await MessageThreadPage.render(request, patient: patient, thread: thread, replyPath: SiteRoute.messageReply.path(thread: try thread.requireID()),
                                                  backPath: SiteRoute.patientMessages.path(patient: try patient.requireID()), support: false, error: nil, draft: nil)
    }

    func reply(_ request: Request) async throws -> Response {
        let (access, patient, thread) = try await load(request, for: .write)
        let form = try request.form(MessageForm.self)
        let threadID = try thread.requireID()
        guard let key = form.storedKey(author: access.user.id), MessageStore.problem(subject: nil, body: form.trimmedBody) == nil else {
            let view = try await MessageThreadPage.render(request, patient: patient, thread: thread, replyPath: SiteRoute.messageReply.path(thread: threadID),
                                                          backPath: SiteRoute.patientMessages.path(patient: try patient.requireID()), support: false,
                                                          error: MessageStore.problem(subject: nil, body: form.trimmedBody) ?? PageText.text("messages.error.formIncomplete"), draft: form.body)
            return try await view.encodeResponse(status: .badRequest, for: request)
        }
        try await MessageStore(database: request.db, now: request.now).reply(to: thread, body: form.trimmedBody, author: access.user, fromPatient: false, key: key,
                                                                             notify: MessageNotices.teamWrote(request, patientID: try patient.requireID()))
        return request.redirect(to: SiteRoute.messageThread.path(thread: threadID))
    }

    /// The thread through its patient's policy (staff only): 404, audited, when out of scope.
    private func load(_ request: Request, for action: AccessAction) async throws -> (PatientAccess, Patient, MessageThread) {
        _ = try request.requireRole(Role.clinicalStaff)
        let access = try request.patientAccess()
        guard let id = request.parameters.get("threadID", as: UUID.self), let thread = try await MessageThread.find(id, on: request.db) else { throw Abort(.notFound) }
        let patient = try await access.patient(thread.$patient.id, for: action, kind: .message, recordID: id.uuidString)
        return (access, patient, thread)
    }

    private func renderPatient(_ request: Request, access: PatientAccess, patient: Patient, form: MessageForm, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let patientID = try patient.requireID()
        let summaries = try await MessageStore(database: request.db, now: request.now).threads(patientID: patientID, reader: access.user.id)
        let context = PatientMessagesContext(
            page: PageChrome(titleKey: "messages.patientTitle", request: request), csrfToken: request.csrfToken, name: patient.displayName,
            patientPath: SiteRoute.patient.path(patient: patientID),
            threads: summaries.compactMap { ThreadLine($0, route: .messageThread, showPatient: false) },
            canWrite: access.user.isStaff ? try await access.allows(.write, .message, patientID: patientID) : false,
            action: SiteRoute.patientMessageStart.path(patient: patientID), error: error,
            subject: form.subject ?? "", body: form.body ?? "", key: form.key ?? UUID().uuidString
        )
        return try await request.view.render("patient-messages", context).encodeResponse(status: status, for: request)
    }
}

/// The staff inbox.
struct StaffInboxContext: Encodable {
    let page: PageChrome
    let threads: [ThreadLine]
}

/// A patient's conversations, for staff.
struct PatientMessagesContext: Encodable {
    let page: PageChrome
    let csrfToken: String
    let name: String
    let patientPath: String
    let threads: [ThreadLine]
    let canWrite: Bool
    let action: String
    let error: String?
    let subject: String
    let body: String
    let key: String
}
