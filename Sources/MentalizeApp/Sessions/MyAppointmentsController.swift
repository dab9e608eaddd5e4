import Fluent
import Foundation
import MentalizeCore
import Vapor

/// "My appointments" for patients (and staff), the calendar subscription page (create a secret
/// feed URL, shown once; revoke) and the feed itself, reached by its secret alone.
struct MyAppointmentsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.myAppointments, use: appointments)
        try routes.get(.myCalendar, use: calendar)
        try routes.post(.myCalendar, use: createFeed)
        try routes.post(.myCalendarRevoke, use: revoke)
        try routes.get(.calendarFeed, use: feed)
    }

    func appointments(_ request: Request) async throws -> Response {
        let user = try request.requireWebUser()
        let access = try request.patientAccess()
        for patientID in try await access.ownPatientIDs() {
            _ = try await access.patient(patientID, for: .read, kind: .demographics)
        }
        let loader = try await request.scheduleLoader()
        let sessions = try await CalendarFeedBuilder(database: request.db, loader: loader, now: request.now).sessions(for: user.user)
        let rows = sessions.filter { $0.slot.end >= request.now }.map { session in
            AppointmentsContext.Row(when: DisplayTime.clinic(session.slot.start, zone: loader.zone), minutes: session.slot.minutes,
                                    title: session.patientID != nil ? PageText.text("session.kind.individual") : session.title, location: session.modality.locationText,
                                    isLink: { if case .video = session.modality { true } else { false } }(), statusKey: session.statusKey, cancelled: !session.takesPlace)
        }
        let context = AppointmentsContext(page: PageChrome(titleKey: "appointments.title", request: request), zone: loader.zone.identifier, rows: rows, calendarPath: SiteRoute.myCalendar.path)
        let response = try await request.view.render("my-appointments", context).encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func calendar(_ request: Request) async throws -> Response {
        try await renderCalendar(request, newURL: nil)
    }

    func createFeed(_ request: Request) async throws -> Response {
        let user = try request.requireWebUser()
        let token = SecretToken.make()
        try await request.db.transaction { db in
            try await revokeAll(user.id, on: db, now: request.now)
            let record = CalendarFeedRecord()
            record.$user.id = user.id
            record.tokenHash = SecretToken.hash(token)
            record.createdAt = request.now
            try await record.create(on: db)
        }
        let host = request.headers.first(name: .host) ?? "localhost"
        let scheme = request.application.environment.isRelease ? "https" : "http"
        return try await renderCalendar(request, newURL: "\(scheme)://\(host)\(SiteRoute.calendarFeed.path(feedToken: token))")
    }

    func revoke(_ request: Request) async throws -> Response {
        let user = try request.requireWebUser()
        try await revokeAll(user.id, on: request.db, now: request.now)
        return request.redirect(to: SiteRoute.myCalendar.path)
    }

    func feed(_ request: Request) async throws -> Response {
        guard let token = request.parameters.get("feedToken"), token.count <= 100,
              let record = try await SessionQueries(database: request.db).calendarFeed(token: token),
              record.user.disabledAt == nil else { throw Abort(.notFound) }
        let user = record.user
        let loader = try await ScheduleLoader.make(database: request.db, clinicID: user.$clinic.id)
        let patients = try await SessionQueries(database: request.db).patients(ofAccount: user.requireID())
        let entries = try patients.map { patient in
            AuditEntry(actorID: try user.requireID(), actorRole: .patient, patientID: try patient.requireID(), recordType: "calendarFeed", recordID: nil,
                       action: .read, outcome: .allowed, requestID: request.requestID, breakGlass: false)
        }
        if !entries.isEmpty { try await request.recordAudit(entries) }
        let text = try await CalendarFeedBuilder(database: request.db, loader: loader, now: request.now).feed(for: user, domain: request.headers.first(name: .host)?.split(separator: ":").first.map(String.init) ?? "mentalize")
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    private func renderCalendar(_ request: Request, newURL: String?) async throws -> Response {
        let user = try request.requireWebUser()
        let active = try await SessionQueries(database: request.db).calendarFeeds(of: user.id).first
        let zone = try await request.scheduleLoader().zone
        let context = CalendarPageContext(page: PageChrome(titleKey: "calendar.title", request: request), csrfToken: request.csrfToken, newURL: newURL,
                                          activeSince: active.map { DisplayTime.clinic($0.createdAt, zone: zone) }, createPath: SiteRoute.myCalendar.path,
                                          revokePath: SiteRoute.myCalendarRevoke.path, appointmentsPath: SiteRoute.myAppointments.path)
        let response = try await request.view.render("my-calendar", context).encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func revokeAll(_ userID: UUID, on db: any Database, now: Date) async throws {
        for record in try await SessionQueries(database: db).calendarFeeds(of: userID) {
            record.revokedAt = now
            try await record.save(on: db)
        }
    }
}

/// The appointments list.
struct AppointmentsContext: Encodable {
    struct Row: Encodable {
        let when: String
        let minutes: Int
        let title: String
        let location: String
        let isLink: Bool
        let statusKey: String
        let cancelled: Bool
    }

    let page: PageChrome
    let zone: String
    let rows: [Row]
    let calendarPath: String
}

/// The calendar subscription page.
struct CalendarPageContext: Encodable {
    let page: PageChrome
    let csrfToken: String
    let newURL: String?
    let activeSince: String?
    let createPath: String
    let revokePath: String
    let appointmentsPath: String
}
