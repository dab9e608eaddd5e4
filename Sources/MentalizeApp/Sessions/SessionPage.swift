import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Builds and renders the session page. Access was already decided by ``SessionAccess``.
enum SessionPage {
    /// What to show in the note form instead of the stored note (a refused submission).
    struct Draft {
        let fields: [String: String]
        let problems: [String]
    }

    static func render(_ request: Request, opened: SessionAccess.Opened, loader: ScheduleLoader, draft: Draft? = nil, notice: String? = nil, noticeKeys: [String] = [],
                       reviewComment: String = "", status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireWebUser()
        let session = opened.session
        let zone = loader.zone
        let isGroup = session.patientID == nil
        let names = try directory(opened)
        let initials = Initials.directory(names)
        let visible = isGroup ? opened.members : opened.patient.map { [$0] } ?? []
        let marks = try await SessionQueries(database: request.db).marks(of: session.key)
        let attendance = try visible.map { patient in
            let id = try patient.requireID()
            let entry = marks.first { $0.$patient.id == id }
            return SessionPageContext.AttendanceRow(
                field: "mark.\(id.uuidString)", noticeField: "notice.\(id.uuidString)", name: patient.displayName,
                initials: initials[PatientID(id)] ?? "", options: AttendanceChoice.allCases.map { .init(value: $0.rawValue, label: "attendance.\($0.rawValue)", selected: entry?.mark == $0.rawValue) },
                notice: entry?.noticeGivenAt.map { ClinicClock.inputValue($0, zone: zone) } ?? "")
        }
        let store = SessionNoteStore(database: request.db)
        let record = try await store.record(for: session.key)
        var fields = draft?.fields ?? [:]
        var signed: SessionPageContext.SignedNote?
        var memberNotes: [PatientID: MemberNote] = [:]
        if let record {
            let (body, members, state, addenda) = try decoded(record, store: store)
            memberNotes = Dictionary(members.map { ($0.patient, $0) }, uniquingKeysWith: { first, _ in first })
            if draft == nil { fields = NoteForm.fields(body, members: members) }
            if case .signed(let by, let at) = state {
                let staff = try await StaffNames(database: request.db).names(for: [by.rawValue] + addenda.map(\.author.rawValue))
                signed = .init(signedBy: staff[by.rawValue] ?? "", signedAt: DisplayTime.clinic(at, zone: zone),
                               interventions: body.interventions.map(\.localizedName).sorted().joined(separator: ", "),
                               modes: modesText(body.observed), imbalances: imbalances(body.observed),
                               narrative: body.narrative, riskKey: riskKey(body.risk), riskSummary: body.risk?.summary ?? "",
                               crisisPlanReviewed: body.risk?.crisisPlanReviewed ?? false, plan: body.plan,
                               members: try visible.map { patient in
                                   let id = PatientID(try patient.requireID())
                                   let note = memberNotes[id]
                                   return .init(field: "", name: patient.displayName, initials: initials[id] ?? "", text: note?.text ?? "",
                                                riskSummary: note?.risk?.summary ?? "", modesText: note.map { modesText($0.observed) } ?? "",
                                                imbalances: note.map { imbalances($0.observed) } ?? [], riskKey: riskKey(note?.risk))
                               },
                               addenda: addenda.map { .init(who: staff[$0.author.rawValue] ?? "", when: DisplayTime.clinic($0.writtenAt, zone: zone), text: $0.text) })
            }
        }
        let processNotes = try await SessionQueries(database: request.db).processNotes(of: session.key, readableBy: user.id)
        let canWrite = session.therapistIDs.contains(user.id) && user.roles.contains(Role.therapist.rawValue)
        let rules = try await SessionChangeRules.load(for: session, hasAttendance: !marks.isEmpty, hasNote: record != nil, on: request.db)
        let localStart = zone.localTime(of: session.slot.start)
        var context = SessionPageContext(
            page: PageChrome(titleKey: "sessions.sessionTitle", request: request), csrfToken: request.csrfToken,
            title: session.title, when: zone.slotText(session.slot, in: DisplayTime.language), location: session.modality.locationText, statusKey: session.statusKey(marks: marks.map(\.mark), now: request.now), isGroup: isGroup,
            patientName: opened.patient.map { $0.displayName },
            patientPath: try opened.patient.map { SiteRoute.patientSessions.path(patient: try $0.requireID()) },
            groupPath: session.groupID.map { SiteRoute.group.path(group: $0) },
            canWrite: canWrite, attendancePath: SiteRoute.sessionAttendance.path(session: session.key), attendance: attendance,
            initialsNote: isGroup ? visible.compactMap { patient in patient.id.flatMap { initials[PatientID($0)] } }.joined(separator: ", ") : nil,
            noteState: "sessions.noteState." + (signed != nil ? "signed" : (record == nil ? "none" : "draft")),
            notePath: SiteRoute.sessionNote.path(session: session.key), addendumPath: SiteRoute.sessionAddendum.path(session: session.key),
            interventions: MBTIntervention.allCases.map { .init(name: "intervention.\($0.rawValue)", label: $0.localizedName, checked: fields["intervention.\($0.rawValue)"] != nil) },
            modes: modeChecks(fields, prefix: ""), dimensions: dimensionSelects(fields, prefix: ""),
            narrative: fields["narrative"] ?? "", risks: riskOptions(fields, prefix: ""),
            riskSummary: fields["riskSummary"] ?? "", crisisPlanReviewed: fields["crisisPlanReviewed"] != nil, plan: fields["plan"] ?? "",
            memberNotes: try visible.map { patient in
                let prefix = NoteForm.memberPrefix(try patient.requireID())
                let field = String(prefix.dropLast())
                return SessionPageContext.MemberNoteField(
                    field: field, name: patient.displayName, initials: initials[PatientID(try patient.requireID())] ?? "", text: fields[field] ?? "",
                    modes: modeChecks(fields, prefix: prefix), dimensions: dimensionSelects(fields, prefix: prefix), risks: riskOptions(fields, prefix: prefix),
                    riskSummaryField: prefix + "riskSummary", riskSummary: fields[prefix + "riskSummary"] ?? "",
                    hasDetail: fields.contains { $0.key.hasPrefix(prefix) && !$0.value.isEmpty })
            },
            signed: signed, problems: draft?.problems ?? [], notice: notice, noticeKeys: noticeKeys,
            changePath: SiteRoute.sessionChange.path(session: session.key), canChange: canWrite,
            changeLockedKey: rules.lockedKey, canRestore: rules.canRestore, restoreHintKey: rules.restoreHintKey,
            moveDate: zone.localDate(of: session.slot.start).description, moveTime: localStart.description,
            processNotes: processNotes.compactMap { note in
                note.id.map { .init(path: SiteRoute.processNote.path(note: $0), concerns: isGroup ? initials[PatientID(note.$patient.id)] ?? "" : "") }
            },
            processNoteWritePath: canWrite && (opened.patient != nil || !opened.members.isEmpty) ? SiteRoute.sessionProcessNote.path(session: session.key) : nil)
        if canWrite, session.takesPlace, session.slot.start <= request.now {
            context.askRatingPath = SiteRoute.fidelityClipNew.path + "?session=" + session.key.description
        }
        if let record, let noteID = record.id {
            context.review = try await reviewPanel(request, opened: opened, record: record, noteID: noteID, viewer: user.id, comment: reviewComment, zone: zone)
        }
        if canWrite, let patientID = opened.patient?.id {
            context.broughtEntries = try await BroughtDiaryEntries.load(request, patientID: patientID, therapistID: user.id)
        }
        let response = try await request.view.render("session", context).encodeResponse(for: request)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The note's review, for its author and its reviewer only (read through the policy, audited).
    private static func reviewPanel(_ request: Request, opened: SessionAccess.Opened, record: SessionNoteRecord, noteID: UUID, viewer: UUID,
                                    comment: String, zone: ClinicZone) async throws -> NoteReviewPanel? {
        let reviews = NoteReviewStore(database: request.db)
        guard let review = try await reviews.review(of: noteID)?.review, [review.author.rawValue, review.reviewer.rawValue].contains(viewer) else { return nil }
        try await NoteReviewAccess(access: try request.patientAccess()).authorize(.read, opened, noteID: noteID)
        let names = try await StaffNames(database: request.db).names(for: review.steps.map(\.by.rawValue) + [review.reviewer.rawValue])
        return try NoteReviewPanel.make(review: review, versions: try await reviews.versions(of: noteID), kind: record.kind, names: names, viewer: viewer,
                                        path: SiteRoute.sessionReview.path(session: opened.session.key), comment: comment, zone: zone)
    }

    private static func modeChecks(_ fields: [String: String], prefix: String) -> [SessionPageContext.Check] {
        PrementalizingMode.allCases.map { .init(name: "\(prefix)mode.\($0.rawValue)", label: $0.localizedName, checked: fields["\(prefix)mode.\($0.rawValue)"] != nil) }
    }

    private static func dimensionSelects(_ fields: [String: String], prefix: String) -> [SessionPageContext.Dimension] {
        MentalizingDimension.allCases.map { dimension in
            let name = "\(prefix)pole.\(dimension.rawValue)"
            return .init(name: name, label: "sessions.dimension.\(dimension.rawValue)",
                         options: MentalizingPole.allCases.filter { $0.dimension == dimension }.map { .init(value: $0.rawValue, label: $0.localizedName, selected: fields[name] == $0.rawValue) })
        }
    }

    private static func riskOptions(_ fields: [String: String], prefix: String) -> [SessionPageContext.Option] {
        RiskChange.allCases.map { .init(value: $0.rawValue, label: "sessions.risk.\($0.rawValue)", selected: fields["\(prefix)risk"] == $0.rawValue) }
    }

    private static func modesText(_ observed: ObservedMentalizing) -> String {
        observed.modes.map(\.localizedName).sorted().joined(separator: ", ")
    }

    /// The poles a patient was stuck at, in the dimensions' usual order, labelled by the page.
    private static func imbalances(_ observed: ObservedMentalizing) -> [SessionPageContext.Imbalance] {
        let order = MentalizingDimension.allCases
        return observed.imbalances.sorted { (order.firstIndex(of: $0.dimension) ?? 0) < (order.firstIndex(of: $1.dimension) ?? 0) }
            .map { .init(dimension: "sessions.dimension.\($0.dimension.rawValue)", pole: $0.localizedName) }
    }

    /// The locale key of a recorded risk change; empty when none was recorded.
    private static func riskKey(_ risk: RiskUpdate?) -> String {
        risk.map { "sessions.risk.\($0.change.rawValue)" } ?? ""
    }

    /// Names of everyone in the group on the date (or the one patient), for initials and checks.
    static func directory(_ opened: SessionAccess.Opened) throws -> [PatientID: PersonName] {
        var names: [PatientID: PersonName] = [:]
        for patient in opened.allMembers + (opened.patient.map { [$0] } ?? []) {
            names[PatientID(try patient.requireID())] = try? PersonName(given: patient.givenName, family: patient.familyName)
        }
        return names
    }

    private static func decoded(_ record: SessionNoteRecord, store: SessionNoteStore) throws -> (SessionNoteBody, [MemberNote], NoteState, [MentalizeCore.Addendum]) {
        if record.kind == "group" {
            let note = try store.decode(record, as: GroupSessionNote.self)
            return (note.content.body, Array(note.content.memberNotes.values), note.state, note.addenda)
        }
        let note = try store.decode(record, as: IndividualSessionNote.self)
        return (note.content.body, [], note.state, note.addenda)
    }
}
