import Fluent
import Foundation
import MentalizeCore
import Vapor

/// One session: its page, attendance, the MBT note (save a draft, sign, then addenda only) and
/// changes to the session (cancel, move, restore). Everything goes through ``SessionAccess``.
struct SessionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.session, use: page)
        try routes.post(.sessionAttendance, use: attendance)
        try routes.post(.sessionNote, use: note)
        try routes.post(.sessionAddendum, use: addendum)
        try routes.post(.sessionChange, use: change)
    }

    func page(_ request: Request) async throws -> Response {
        _ = try request.requireRole([.therapist, .supervisor])
        let door = try await SessionAccess.make(request)
        let opened = try await door.open(for: .read)
        return try await SessionPage.render(request, opened: opened, loader: door.loader)
    }

    func attendance(_ request: Request) async throws -> Response {
        let (door, opened) = try await openForWriting(request)
        let fields = try request.form([String: String].self)
        let patients = opened.patient.map { [$0] } ?? opened.members
        var problems: [String] = []
        var entries: [(UUID, AttendanceChoice, Date?)] = []
        for patient in patients {
            let id = try patient.requireID()
            guard let text = fields["mark.\(id.uuidString)"], !text.isEmpty else { continue }
            guard let choice = AttendanceChoice(rawValue: text) else { problems.append("attendance.error.choice"); continue }
            let notice = fields["notice.\(id.uuidString)"].flatMap { ClinicClock.instant(fromInput: $0, zone: door.loader.zone) }
            if choice.mark(noticeGivenAt: notice) == nil { problems.append("attendance.error.notice"); continue }
            entries.append((id, choice, choice == .cancelledByPatient ? notice : nil))
        }
        if entries.isEmpty, problems.isEmpty { problems.append("attendance.error.choice") }
        guard problems.isEmpty else {
            return try await SessionPage.render(request, opened: opened, loader: door.loader, noticeKeys: Set(problems).sorted(), status: .badRequest)
        }
        let session = opened.session
        let marks = entries
        try await request.db.transaction { db in
            for (patientID, choice, notice) in marks {
                let entry = try await SessionQueries(database: db).mark(of: session.key, patientID: patientID) ?? AttendanceEntry()
                entry.sourceID = session.key.source
                entry.sessionDate = session.key.date.description
                entry.sessionStart = session.slot.start
                entry.$patient.id = patientID
                entry.$group.id = session.groupID
                entry.mark = choice.rawValue
                entry.noticeGivenAt = notice
                entry.$recordedBy.id = door.access.user.id
                entry.recordedAt = request.now
                try await entry.save(on: db)
            }
        }
        return request.redirect(to: SiteRoute.session.path(session: session.key))
    }

    func note(_ request: Request) async throws -> Response {
        let (door, opened) = try await openForWriting(request)
        let fields = try request.form([String: String].self)
        let outcome = try await NoteWriter(request: request, opened: opened, author: door.access.user.id).write(fields: fields, sign: fields["action"] == "sign")
        switch outcome {
        case .saved:
            return request.redirect(to: SiteRoute.session.path(session: opened.session.key))
        case .refused(let problems):
            return try await SessionPage.render(request, opened: opened, loader: door.loader, draft: .init(fields: fields, problems: problems), status: .badRequest)
        }
    }

    func addendum(_ request: Request) async throws -> Response {
        let (door, opened) = try await openForWriting(request)
        struct Form: Content { var text: String? }
        let text = try request.form(Form.self).text ?? ""
        let outcome = try await NoteWriter(request: request, opened: opened, author: door.access.user.id).addAddendum(text)
        switch outcome {
        case .saved:
            return request.redirect(to: SiteRoute.session.path(session: opened.session.key))
        case .refused(let problems):
            return try await SessionPage.render(request, opened: opened, loader: door.loader, notice: problems.joined(separator: " "), status: .badRequest)
        }
    }

    func change(_ request: Request) async throws -> Response {
        let (door, opened) = try await openForWriting(request)
        struct Form: Content {
            var action: String?
            var reason: String?
            var date: String?
            var time: String?
        }
        let form = try request.form(Form.self)
        let rules = try await SessionChangeRules.load(for: opened.session, on: request.db)
        if let refusal = rules.refusal(for: form.action ?? "") {
            return try await SessionPage.render(request, opened: opened, loader: door.loader, noticeKeys: [refusal], status: .conflict)
        }
        let result = try await SessionChanges(request: request, loader: door.loader).apply(to: opened.session, action: form.action ?? "", reason: form.reason, date: form.date, time: form.time)
        if let problem = result {
            return try await SessionPage.render(request, opened: opened, loader: door.loader, notice: problem, status: .badRequest)
        }
        // A one-off session's key carries its date, so a moved one lives at a new address.
        var key = opened.session.key
        if opened.session.isOneOff, form.action == "move", let day = try? LocalDate(iso: form.date?.trimmed ?? "") {
            key = SessionKey(source: key.source, date: day)
        }
        return request.redirect(to: SiteRoute.session.path(session: key))
    }

    /// Opens the session for writing: only its own therapist writes (supervisors read).
    private func openForWriting(_ request: Request) async throws -> (SessionAccess, SessionAccess.Opened) {
        let user = try request.requireRole([.therapist])
        let door = try await SessionAccess.make(request)
        let opened = try await door.open(for: .write)
        guard opened.session.therapistIDs.contains(user.id) else { throw Abort(.notFound) }
        return (door, opened)
    }
}
