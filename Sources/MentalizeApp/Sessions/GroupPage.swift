import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Builds the group page. Each member or waiting patient shown by name is decided by the access
/// policy (with the group's id, so co-therapy counts) and audited; others are only counted.
enum GroupPage {
    static func render(_ request: Request, group: TherapyGroup, form: BookingForm = BookingForm(), problems: BookingProblems = BookingProblems(),
                       notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireWebUser()
        let access = try request.patientAccess()
        let groupID = try group.requireID()
        let loader = try await request.scheduleLoader()
        let zone = loader.zone
        let now = request.now
        let today = zone.localDate(of: now)
        let therapistRows = try await GroupRosterQueries(database: request.db).currentTherapists(of: groupID, at: now)
        let canWrite = therapistRows.contains { $0.$therapist.id == user.id } && user.roles.contains(Role.therapist.rawValue)
        let queries = SessionQueries(database: request.db)
        let spells = try await queries.spells(ofGroup: groupID)
        let current = spells.filter { $0.joinedAt <= now && ($0.leftAt.map { now < $0 } ?? true) || $0.joinedAt > now }
        var members: [GroupContext.Member] = []
        for spell in current where try await visible(spell.$patient.id, groupID: groupID, access: access) {
            members.append(.init(name: spell.patient.displayName, joined: zone.localDate(of: spell.joinedAt).description,
                                 left: spell.leftAt.map { zone.localDate(of: $0).adding(days: -1).description } ?? "",
                                 leavePath: spell.id.map { SiteRoute.groupMemberLeave.path(group: groupID, membership: $0) } ?? "",
                                 fieldID: "leave-\(members.count)",
                                 crisisPlanPath: try await access.allows(.read, .crisisPlan, patientID: spell.$patient.id) ? SiteRoute.crisisPlan.path(patient: spell.$patient.id) : nil))
        }
        var waiting: [GroupContext.Waiting] = []
        for entry in try await queries.waitingList(ofGroup: groupID)
        where try await visible(entry.$patient.id, groupID: groupID, access: access) {
            waiting.append(.init(name: entry.patient.displayName, since: entry.since,
                                 removePath: entry.id.map { SiteRoute.groupWaitingListRemove.path(group: groupID, waitingListEntry: $0) } ?? ""))
        }
        let roster = try await GroupRosterQueries(database: request.db).roster(of: group, zone: zone)
        let window = try TimeSlot(start: now.addingTimeInterval(-8 * 7 * 86_400), end: now.addingTimeInterval(6 * 7 * 86_400))
        let sessions = try await loader.forGroup(groupID, in: window)
        let notes = try await queries.notes(ofGroup: groupID, since: window.start)
        let entries = try await queries.marks(ofGroup: groupID)
        let series = try await queries.series(ofGroup: groupID)
        let caseload = try await access.facts().caseload.filter { $0.therapistID.rawValue == user.id && $0.period.isCurrent(at: now) }.map(\.patientID.rawValue)
        let candidates = canWrite ? try await queries.patients(caseload) : []
        if !candidates.isEmpty { try await access.auditListed(try candidates.map { try $0.requireID() }, kind: .demographics, scope: try await access.listScope(.demographics)) }
        let context = GroupContext(
            page: PageChrome(titleKey: "groups.groupTitle", request: request), csrfToken: request.csrfToken, name: group.name, capacity: group.capacity,
            freePlaces: roster.freePlaces(from: today), therapists: therapistRows.map(\.therapist.displayName).joined(separator: ", "), zone: zone.identifier,
            slots: series.map { record in
                let weekday = (try? LocalDate(iso: record.firstDate))?.weekday.name ?? ""
                let curriculum = (record.curriculum ?? "").split(separator: "\n").map(String.init)
                return .init(text: "\(record.title.map { "\($0): " } ?? "")\(weekday) \(record.startTime), \(record.durationMinutes) min, \(record.firstDate) – \(record.lastDate ?? "…")", curriculum: curriculum)
            },
            sessions: sessions.map { session in
                let note = notes.first { $0.sourceID == session.key.source && $0.sessionDate == session.key.date.description }?.state
                let marks = entries.filter { $0.sourceID == session.key.source && $0.sessionDate == session.key.date.description }.map(\.mark)
                let marked = marks.count
                return .init(when: DisplayTime.clinic(session.slot.start, zone: zone), title: session.title, statusKey: session.statusKey(marks: marks, now: now), path: SiteRoute.session.path(session: session.key),
                             noteKey: "sessions.noteState.\(note ?? "none")", marked: marked, isPast: session.slot.start < now)
            },
            rate: AttendanceFacts.rateText(AttendanceRates.group(AttendanceFacts.records(entries))),
            members: members, formerCount: spells.count - current.count, waiting: waiting, canWrite: canWrite,
            candidates: try candidates.map { .init(id: try $0.requireID().uuidString, name: $0.displayName) },
            today: today.description, joinPath: SiteRoute.groupMembers.path(group: groupID),
            waitingPath: SiteRoute.groupWaitingList.path(group: groupID), slotPath: SiteRoute.groupSlot.path(group: groupID),
            notice: notice, form: BookingFormContext.make(form, kind: "slot", problems: problems, rooms: loader.mapping.rooms.values.sorted { $0.name < $1.name }))
        let response = try await request.view.render("group", context).encodeResponse(for: request)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Decides (and audits, when allowed) listing this patient's roster entry in the group.
    private static func visible(_ patientID: UUID, groupID: UUID, access: PatientAccess) async throws -> Bool {
        let record = RecordDescriptor(kind: .demographics, patientID: PatientID(patientID), groupID: GroupID(groupID))
        guard AccessPolicy.decide(actor: access.actor, action: .list, record: record, facts: try await access.facts(), now: access.request.now).isAllowed else { return false }
        try await access.authorize(.list, record, recordType: "groupMembership", recordID: nil)
        return true
    }
}

/// What the group page shows.
struct GroupContext: Encodable {
    struct Member: Encodable {
        let name: String
        let joined: String
        let left: String
        let leavePath: String
        let fieldID: String
        /// The member's crisis plan, for the co-therapists who manage risk in the group.
        let crisisPlanPath: String?
    }

    struct Waiting: Encodable {
        let name: String
        let since: String
        let removePath: String
    }

    struct Slot: Encodable {
        let text: String
        let curriculum: [String]
    }

    struct Session: Encodable {
        let when: String
        let title: String
        let statusKey: String
        let path: String
        let noteKey: String
        let marked: Int
        let isPast: Bool
    }

    struct Candidate: Encodable {
        let id: String
        let name: String
    }

    let page: PageChrome
    let csrfToken: String
    let name: String
    let capacity: Int
    let freePlaces: Int
    let therapists: String
    let zone: String
    let slots: [Slot]
    let sessions: [Session]
    let rate: String
    let members: [Member]
    let formerCount: Int
    let waiting: [Waiting]
    let canWrite: Bool
    let candidates: [Candidate]
    let today: String
    let joinPath: String
    let waitingPath: String
    let slotPath: String
    let notice: String?
    let form: BookingFormContext
}
