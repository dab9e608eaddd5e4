import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Fidelity rating for clinicians: a therapist asks for a session (or a clip of it) of theirs to be
/// rated, with a link to the recording in the clinic's own store; the raters asked score it on a
/// scale, blind to each other until every rater is in; the therapist then reads the scores and the
/// written feedback, and their trend. Every read and write goes through the policy (the raters
/// asked, the rated therapist, their supervisors) and is audited; the rating pages never name the
/// patient.
struct FidelityController: RouteCollection {
    static let listed = 50
    static let chooserWeeks = 8.0

    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.fidelity, use: page)
        try routes.get(.fidelityClipNew, use: newClip)
        try routes.post(.fidelityClips, use: createClip)
        try routes.get(.fidelityRating, use: rating)
        try routes.post(.fidelityRating, use: submit)
    }

    // MARK: my ratings

    func page(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist, .supervisor])
        let store = FidelityStore(database: request.db)
        let access = try request.patientAccess()
        let zone = try await request.clinicZone()
        let toDo = try await store.asked(of: user.id, submitted: false, limit: Self.listed)
        let done = try await store.asked(of: user.id, submitted: true, limit: Self.listed)
        let isTherapist = user.roles.contains(Role.therapist.rawValue)
        let mine = isTherapist ? try await store.clips(ofTherapist: user.id) : []
        let raters = try await store.ratings(of: (toDo + done).map { $0.$clip.id } + mine.compactMap(\.id))
        for clip in (toDo + done).map(\.clip) + mine {
            try await access.authorize(.list, FidelityStore.descriptor(clip, raters: raters[try clip.requireID()] ?? []), recordType: RecordKind.fidelityRating.rawValue,
                                       recordID: try clip.requireID().uuidString)
        }
        let names = try await StaffNames(database: request.db).names(for: (toDo + done).map { $0.clip.$therapist.id } + raters.values.flatMap { $0.map { $0.$rater.id } })
        let scales = Dictionary(FidelityScaleStore.bundled.map { ($0.id, $0) }, uniquingKeysWith: { kept, _ in kept })
        let asked: (FidelityRatingRecord) throws -> FidelityPageContext.Asked = { rating in
            .init(path: SiteRoute.fidelityRating.path(rating: try rating.requireID()), therapist: names[rating.clip.$therapist.id] ?? "",
                  session: DisplayTime.clinic(rating.clip.sessionStart, zone: zone), scale: scales[rating.clip.scaleID]?.title ?? rating.clip.scaleID,
                  minutes: Self.minutesText(rating.clip))
        }
        var rated: [FidelityPageContext.RatedClip] = []
        var trend: [FidelityPageContext.TrendPoint] = []
        let ratable = try await FidelityScaleStore(database: request.db).ratable()
        for clip in mine.reversed() {
            let asked = raters[try clip.requireID()] ?? []
            let blind = BlindRating(asked.map { .init(rater: UserID($0.$rater.id), submitted: $0.submittedAt != nil) })
            let scale = ratable[clip.scaleID] ?? scales[clip.scaleID]
            let scores = try blind.isComplete ? asked.compactMap { rating in try scale.flatMap { try FidelityStore.coreRating(rating, scale: $0) }.map { (rating, $0) } } : []
            rated.append(.init(session: DisplayTime.clinic(clip.sessionStart, zone: zone), scale: scale?.title ?? clip.scaleID, minutes: Self.minutesText(clip),
                               status: "\(asked.filter { $0.submittedAt != nil }.count) of \(asked.count)", complete: blind.isComplete,
                               ratings: scores.map { record, core in
                                   .init(rater: names[record.$rater.id] ?? "", adherence: Self.mean(core.total(.adherence)), quality: Self.mean(core.total(.quality)),
                                         feedback: record.feedback ?? "")
                               }))
            if !scores.isEmpty {
                let cores = scores.map(\.1)
                trend.append(.init(session: zone.localDate(of: clip.sessionStart).description,
                                   adherence: Self.mean(Self.average(cores.compactMap { $0.total(.adherence) })),
                                   quality: Self.mean(Self.average(cores.compactMap { $0.total(.quality) }))))
            }
        }
        let context = FidelityPageContext(page: PageChrome(titleKey: "fidelity.title", request: request), toDo: try toDo.map(asked), done: try done.map(asked),
                                          isTherapist: isTherapist, mine: rated, trend: trend.reversed())
        let response = try await request.view.render("fidelity", context).encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    // MARK: asking for a rating

    func newClip(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist])
        let key = (try? request.query.get(String.self, at: "session")) ?? ""
        if key.isEmpty { return try await chooseSession(request, therapist: user.id) }
        let session = try await ownPastSession(request, key: key)
        var form = FidelityClipForm()
        form.session = key
        return try await renderClip(request, session: session, form: form, problems: [], status: .ok)
    }

    func createClip(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist])
        let form = FidelityClipForm(fields: try request.form([String: String].self))
        let session = try await ownPastSession(request, key: form.session)
        let scales = try await FidelityScaleStore(database: request.db).ratable()
        let raters = try await Self.raterChoices(request, excluding: user.id)
        switch form.checked(scales: Set(scales.keys), sessionMinutes: session.slot.minutes, raters: Set(raters.map(\.id))) {
        case .failure(let problems):
            return try await renderClip(request, session: session, form: form, problems: problems.messages, status: .badRequest)
        case .success(let checked):
            let clip = FidelityClipRecord()
            clip.id = UUID()
            clip.$therapist.id = user.id
            clip.$patient.id = session.patientID
            clip.$group.id = session.groupID
            clip.sourceID = session.key.source
            clip.sessionDate = session.key.date.description
            clip.sessionStart = session.slot.start
            clip.scaleID = checked.scaleID
            clip.startMinute = checked.startMinute
            clip.endMinute = checked.endMinute
            clip.lengthMinutes = checked.lengthMinutes
            clip.recordingLink = checked.recordingLink
            clip.addedAt = request.now
            let asked = FidelityRatingRecord()
            asked.$clip.id = try clip.requireID()
            asked.$rater.id = checked.rater
            asked.$askedBy.id = user.id
            asked.askedAt = request.now
            try await request.patientAccess().authorize(.write, FidelityStore.descriptor(clip, raters: [asked]), recordType: RecordKind.fidelityRating.rawValue,
                                                         recordID: try clip.requireID().uuidString)
            try await request.db.transaction { db in
                try await clip.create(on: db)
                try await asked.create(on: db)
            }
            return request.redirect(to: SiteRoute.fidelity.path)
        }
    }

    /// Without a session: the therapist's sessions of the last eight weeks to choose from, newest first.
    private func chooseSession(_ request: Request, therapist: UUID) async throws -> Response {
        let loader = try await request.scheduleLoader()
        let window = try TimeSlot(start: request.now.addingTimeInterval(-Self.chooserWeeks * 7 * 86_400), end: request.now)
        let sessions = try await loader.forTherapist(therapist, in: window).filter { $0.takesPlace && $0.slot.start <= request.now }
            .sorted { $0.slot.start > $1.slot.start }.prefix(Self.listed)
        let names = try await ScheduleNames(request: request).listed(sessions.compactMap(\.patientID))
        let context = FidelityChooseContext(
            page: PageChrome(titleKey: "fidelity.askTitle", request: request),
            sessions: sessions.map { session in
                .init(path: SiteRoute.fidelityClipNew.path + "?session=" + session.key.description, when: loader.zone.slotText(session.slot, in: DisplayTime.language),
                      title: session.patientID.flatMap { names[$0] }.map { "\(session.title): \($0)" } ?? session.title)
            })
        return try await request.view.render("fidelity-choose", context).encodeResponse(for: request)
    }

    /// The user's own session that has started (its key in the form or query): 404 otherwise.
    private func ownPastSession(_ request: Request, key: String) async throws -> ScheduledSession {
        let user = try request.requireWebUser()
        guard let parsed = SessionKey(text: key), let session = try await request.scheduleLoader().session(parsed),
              session.therapistIDs.contains(user.id), session.slot.start <= request.now, session.takesPlace else { throw Abort(.notFound) }
        return session
    }

    private func renderClip(_ request: Request, session: ScheduledSession, form: FidelityClipForm, problems: [String], status: HTTPResponseStatus) async throws -> Response {
        let user = try request.requireWebUser()
        let zone = try await request.clinicZone()
        let scales = try await FidelityScaleStore(database: request.db).ratable().values.sorted { $0.title < $1.title }
        let raters = try await Self.raterChoices(request, excluding: user.id)
        let context = FidelityClipContext(
            page: PageChrome(titleKey: "fidelity.askTitle", request: request), csrfToken: request.csrfToken, action: SiteRoute.fidelityClips.path,
            sessionPath: SiteRoute.session.path(session: session.key), sessionText: session.key.description, sessionMinutes: session.slot.minutes,
            session: "\(session.title), \(zone.slotText(session.slot, in: DisplayTime.language))",
            scales: scales.map { .init(id: $0.id, label: $0.title, selected: $0.id == form.scaleID) },
            raters: raters.map { .init(id: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == form.raterID) },
            startMinute: form.startMinute, endMinute: form.endMinute, recordingLink: form.recordingLink, problems: problems)
        let response = try await request.view.render("fidelity-clip", context).encodeResponse(for: request)
        response.status = status
        return response
    }

    /// Who may be asked to rate: supervisors first, then therapists, never the rated therapist.
    static func raterChoices(_ request: Request, excluding therapist: UUID) async throws -> [StaffDirectory.Member] {
        try await StaffDirectory(database: request.db).raters().filter { $0.id != therapist }
    }

    // MARK: rating

    func rating(_ request: Request) async throws -> Response {
        let (rating, raters) = try await open(request, for: .read)
        return try await FidelityRatingPage.render(request, rating: rating, raters: raters, fields: [:], problems: [], status: .ok)
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist, .supervisor])
        let (rating, raters) = try await open(request, for: .write)
        guard rating.$rater.id == user.id else { throw Abort(.notFound) }
        let fields = try request.form([String: String].self)
        guard rating.submittedAt == nil else {
            return try await FidelityRatingPage.render(request, rating: rating, raters: raters, fields: [:], problems: [PageText.text("fidelity.error.final")], status: .conflict)
        }
        guard let scale = try await FidelityScaleStore(database: request.db).ratable()[rating.clip.scaleID] else { throw Abort(.notFound) }
        switch FidelityRatingForm(fields: fields).checked(scale: scale, rater: user.id, clip: rating.$clip.id) {
        case .failure(let problems):
            return try await FidelityRatingPage.render(request, rating: rating, raters: raters, fields: fields, problems: problems.messages, status: .badRequest)
        case .success(let (core, feedback)):
            rating.scoresJSON = try FidelityRatingForm.json(core)
            rating.feedback = feedback.isEmpty ? nil : feedback
            rating.submittedAt = request.now
            try await rating.update(on: request.db)
            return request.redirect(to: SiteRoute.fidelityRating.path(rating: try rating.requireID()))
        }
    }

    /// The rating in the path with every rater asked for its clip, through the policy (audited); 404 when out of reach.
    private func open(_ request: Request, for action: AccessAction) async throws -> (FidelityRatingRecord, [FidelityRatingRecord]) {
        _ = try request.requireRole([.therapist, .supervisor])
        let store = FidelityStore(database: request.db)
        guard let id = request.parameters.get("ratingID", as: UUID.self), let rating = try await store.rating(id) else { throw Abort(.notFound) }
        let raters = try await store.ratings(of: [rating.$clip.id])[rating.$clip.id] ?? []
        try await request.patientAccess().authorize(action, FidelityStore.descriptor(rating.clip, raters: raters), recordType: RecordKind.fidelityRating.rawValue,
                                                     recordID: rating.$clip.id.uuidString)
        return (rating, raters)
    }

    // MARK: words

    /// "minutes 10–25 (15 min)" or "whole session (50 min)", in the page's language.
    static func minutesText(_ clip: FidelityClipRecord) -> String {
        let length = String(clip.lengthMinutes)
        if let start = clip.startMinute, let end = clip.endMinute {
            return PageText.text("fidelity.clipMinutes", ["start": String(start), "end": String(end), "length": length])
        }
        return PageText.text("fidelity.wholeSession", ["length": length])
    }

    static func mean(_ value: Double?) -> String {
        value.map { NumberText.decimal($0, digits: 1, in: DisplayTime.language) } ?? "–"
    }

    static func average(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
