import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Therapy groups: the list, one group's page (weekly slot or MBT-I curriculum, sessions, members,
/// waiting list) and the roster changes its therapists make: the weekly slot, members joining
/// (checked against capacity, pointing to the waiting list when full) and leaving.
struct GroupController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.groups, use: list)
        try routes.get(.group, use: page)
        try routes.post(.groupSlot, use: slot)
        try routes.post(.groupMembers, use: join)
        try routes.post(.groupMemberLeave, use: leave)
        try routes.post(.groupWaitingList, use: wait)
        try routes.post(.groupWaitingListRemove, use: removeWaiting)
    }

    func list(_ request: Request) async throws -> View {
        let user = try request.requireRole([.therapist, .supervisor, .programmeLead])
        let access = try request.patientAccess()
        let facts = try await access.facts()
        let therapists: [UUID]? = user.roles.contains(Role.programmeLead.rawValue) ? nil
            : [user.id] + facts.supervision.filter { $0.period.isCurrent(at: request.now) }.map(\.therapistID.rawValue)
        let groups = try await SessionQueries(database: request.db).groups(clinicID: user.user.$clinic.id, runBy: therapists)
        let rows = groups.compactMap { group in group.id.map { GroupsContext.Row(name: group.name, path: SiteRoute.group.path(group: $0)) } }
        return try await request.view.render("groups", GroupsContext(page: PageChrome(titleKey: "groups.title", request: request), rows: rows,
                                                                 canCreate: user.roles.contains(Role.therapist.rawValue), newPath: SiteRoute.groupNew.path,
                                                                 coursePath: SiteRoute.courseNew.path))
    }

    func page(_ request: Request) async throws -> Response {
        let (group, _) = try await load(request, forWriting: false)
        return try await GroupPage.render(request, group: group)
    }

    func slot(_ request: Request) async throws -> Response {
        let (group, therapists) = try await load(request, forWriting: true)
        let form = try request.form(BookingForm.self)
        let loader = try await request.scheduleLoader()
        switch BookingInput.parse(form, mapping: loader.mapping, defaultMinutes: 90, today: loader.zone.localDate(of: request.now)) {
        case .failure(let problems):
            return try await GroupPage.render(request, group: group, form: form, problems: problems, status: .badRequest)
        case .success(let input):
            let result = try await BookingService(database: request.db, loader: loader, now: request.now)
                .setGroupSlot(groupID: try group.requireID(), label: group.name, therapists: therapists, input: input)
            if case .failure(let problems) = result {
                return try await GroupPage.render(request, group: group, form: form, problems: problems, status: .conflict)
            }
            return request.redirect(to: SiteRoute.group.path(group: try group.requireID()))
        }
    }

    func join(_ request: Request) async throws -> Response {
        try await rosterChange(request) { group, patient, date, roster, zone in
            var roster = roster
            try roster.join(PatientID(try patient.requireID()), on: date)
            try await SessionQueries(database: request.db).removeFromWaitingList(groupID: group.requireID(), patientID: patient.requireID())
            try await GroupMembershipRecord(groupID: group.requireID(), patientID: patient.requireID(), joinedAt: GroupRosterQueries.joinInstant(date, zone: zone)).create(on: request.db)
        }
    }

    func wait(_ request: Request) async throws -> Response {
        try await rosterChange(request) { group, patient, date, roster, _ in
            var roster = roster
            try roster.addToWaitingList(PatientID(try patient.requireID()), since: date)
            try await WaitingListRecord(groupID: group.requireID(), patientID: patient.requireID(), since: date.description, addedAt: request.now).create(on: request.db)
        }
    }

    /// Takes a patient off the waiting list (an audited write on their record).
    func removeWaiting(_ request: Request) async throws -> Response {
        let (group, _) = try await load(request, forWriting: true)
        let groupID = try group.requireID()
        guard let entry = try await WaitingListRecord.find(request.parameters.get("entryID", as: UUID.self), on: request.db), entry.$group.id == groupID else { throw Abort(.notFound) }
        _ = try await request.patientAccess().staffPatient(entry.$patient.id, for: .write, kind: .demographics)
        try await entry.delete(on: request.db)
        return request.redirect(to: SiteRoute.group.path(group: groupID))
    }

    func leave(_ request: Request) async throws -> Response {
        let (group, _) = try await load(request, forWriting: true)
        let groupID = try group.requireID()
        guard let spell = try await GroupMembershipRecord.find(request.parameters.get("membershipID", as: UUID.self), on: request.db), spell.$group.id == groupID else { throw Abort(.notFound) }
        let access = try request.patientAccess()
        try await access.authorize(.write, RecordDescriptor(kind: .sessionNote, patientID: PatientID(spell.$patient.id), groupID: GroupID(groupID)),
                                   recordType: "groupMembership", recordID: spell.id?.uuidString)
        struct Form: Content { var date: String? }
        let loader = try await request.scheduleLoader()
        let typed = try request.form(Form.self).date?.trimmed ?? ""
        guard let date = try? LocalDate(iso: typed) else {
            return try await GroupPage.render(request, group: group, notice: SchedulingErrorText.text(.invalidDate(typed)), status: .badRequest)
        }
        if let problem = BookableDates.problem(date, today: loader.zone.localDate(of: request.now)) {
            return try await GroupPage.render(request, group: group, notice: problem, status: .badRequest)
        }
        var roster = try await GroupRosterQueries(database: request.db).roster(of: group, zone: loader.zone)
        do {
            try roster.leave(PatientID(spell.$patient.id), on: date)
        } catch {
            return try await GroupPage.render(request, group: group, notice: SchedulingErrorText.text(error), status: .badRequest)
        }
        spell.leftAt = GroupRosterQueries.leaveInstant(date, zone: loader.zone)
        try await spell.save(on: request.db)
        return request.redirect(to: SiteRoute.group.path(group: groupID))
    }

    /// Adds a patient of the therapist's own caseload (an audited write on their record) to the
    /// group or its waiting list, after the core's roster rules.
    private func rosterChange(_ request: Request, _ change: (TherapyGroup, Patient, LocalDate, GroupRoster, ClinicZone) async throws -> Void) async throws -> Response {
        let (group, _) = try await load(request, forWriting: true)
        struct Form: Content {
            var patientID: String?
            var date: String?
        }
        let form = try request.form(Form.self)
        guard let patientID = form.patientID.flatMap(UUID.init(uuidString:)) else {
            return try await GroupPage.render(request, group: group, notice: PageText.text("schedule.error.choosePatient"), status: .badRequest)
        }
        let patient = try await request.patientAccess().staffPatient(patientID, for: .write, kind: .demographics)
        let loader = try await request.scheduleLoader()
        guard let date = try? LocalDate(iso: form.date?.trimmed ?? "") else {
            return try await GroupPage.render(request, group: group, notice: SchedulingErrorText.text(.invalidDate(form.date ?? "")), status: .badRequest)
        }
        if let problem = BookableDates.problem(date, today: loader.zone.localDate(of: request.now)) {
            return try await GroupPage.render(request, group: group, notice: problem, status: .badRequest)
        }
        let roster = try await GroupRosterQueries(database: request.db).roster(of: group, zone: loader.zone)
        do {
            try await change(group, patient, date, roster, loader.zone)
        } catch let refusal as GroupRefusal {
            return try await GroupPage.render(request, group: group, notice: SchedulingErrorText.text(refusal), status: .conflict)
        }
        return request.redirect(to: SiteRoute.group.path(group: try group.requireID()))
    }

    /// The group in the path, if the user runs it now (or, for reading, supervises a therapist who
    /// does, or leads the programme); otherwise 404. Returns its current therapists.
    private func load(_ request: Request, forWriting: Bool) async throws -> (TherapyGroup, [UUID]) {
        let user = try request.requireRole(forWriting ? [.therapist] : [.therapist, .supervisor, .programmeLead])
        guard let group = try await TherapyGroup.find(request.parameters.get("groupID", as: UUID.self), on: request.db), group.$clinic.id == user.user.$clinic.id else {
            throw Abort(.notFound)
        }
        let now = request.now
        let therapists = try await GroupRosterQueries(database: request.db).currentTherapists(of: group.requireID(), at: now).map { $0.$therapist.id }
        if therapists.contains(user.id) { return (group, therapists) }
        if !forWriting {
            if user.roles.contains(Role.programmeLead.rawValue) { return (group, therapists) }
            let door = try await SessionAccess.make(request)
            if try await door.runsOrSupervises(try group.requireID()) { return (group, therapists) }
        }
        throw Abort(.notFound)
    }
}

/// The groups list.
struct GroupsContext: Encodable {
    struct Row: Encodable {
        let name: String
        let path: String
    }

    let page: PageChrome
    let rows: [Row]
    let canCreate: Bool
    let newPath: String
    let coursePath: String
}
