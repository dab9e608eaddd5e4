import Fluent
import MentalizeCore
import Vapor

/// A therapist plans an MBT-I course: a group with a fixed number of weekly sessions (10 to 12),
/// each with a curriculum title, a first date and time, and where it is held. Clashes with the
/// therapists' or the room's sessions are refused with the reason.
struct CourseCreationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.courseNew, use: form)
        try routes.post(.courseNew, use: create)
    }

    /// The longest curriculum title the form takes.
    static let titleLimit = 120

    struct Form: Content {
        var name: String?
        var capacity: String?
        var coTherapistID: String?
        var curriculum: String?
        var date: String?
        var time: String?
        var minutes: String?
        var modality: String?
        var roomID: String?
        var videoURL: String?

        var booking: BookingForm { BookingForm(date: date, time: time, minutes: minutes, lastDate: nil, modality: modality, roomID: roomID, videoURL: videoURL) }
        var titles: [String] { (curriculum ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty } }
    }

    func form(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist])
        return try await render(request, user: user, form: Form(capacity: "9", curriculum: CourseDefaults.curriculum.joined(separator: "\n"), minutes: "75"), problems: [], status: .ok)
    }

    func create(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist])
        let form = try request.form(Form.self)
        let loader = try await request.scheduleLoader()
        var problems: [String] = []
        let name = (form.name ?? "").trimmed
        if !(2...80).contains(name.count) { problems.append(PageText.text("schedule.error.courseName")) }
        let capacity = Int(form.capacity ?? "")
        if capacity.map({ !(1...12).contains($0) }) ?? true { problems.append(PageText.text("schedule.error.courseCapacity")) }
        if !MBTICourse.allowedSessionCounts.contains(form.titles.count) || form.titles.contains(where: { $0.count > Self.titleLimit }) {
            problems.append(PageText.text("schedule.error.courseCurriculum", ["min": String(MBTICourse.allowedSessionCounts.lowerBound), "max": String(MBTICourse.allowedSessionCounts.upperBound),
                                                                     "limit": String(Self.titleLimit), "count": String(form.titles.count)]))
        }
        let colleagues = try await GroupCreationController.therapists(request, user: user)
        var team = [user.id]
        if let text = form.coTherapistID, !text.isEmpty {
            if let id = UUID(uuidString: text), colleagues.contains(where: { $0.id == id }) { team.append(id) } else { problems.append(PageText.text("schedule.error.chooseCoTherapist")) }
        }
        let input: BookingInput?
        switch BookingInput.parse(form.booking, mapping: loader.mapping, defaultMinutes: 75, today: loader.zone.localDate(of: request.now)) {
        case .success(let parsed): input = parsed
        case .failure(let refused): input = nil; problems += refused.fields.sorted { $0.key < $1.key }.map(\.value)
        }
        guard problems.isEmpty, let input, let capacity else {
            return try await render(request, user: user, form: form, problems: problems, status: .badRequest)
        }
        let group = TherapyGroup(clinicID: user.user.$clinic.id, name: name, capacity: capacity)
        let result = try await BookingService(database: request.db, loader: loader, now: request.now)
            .createCourse(group: group, therapists: team, input: input, title: name, curriculum: form.titles)
        if case .failure(let refused) = result {
            return try await render(request, user: user, form: form, problems: [refused.conflict ?? PageText.text("schedule.error.courseNotPlanned")], status: .conflict)
        }
        return request.redirect(to: SiteRoute.group.path(group: try group.requireID()))
    }

    private func render(_ request: Request, user: SignedInUser, form: Form, problems: [String], status: HTTPResponseStatus) async throws -> Response {
        let colleagues = try await GroupCreationController.therapists(request, user: user).sorted { $0.displayName < $1.displayName }
        let rooms = try await SessionQueries(database: request.db).rooms(clinicID: user.user.$clinic.id)
        let context = CourseCreationContext(
            page: PageChrome(titleKey: "courses.newTitle", request: request), csrfToken: request.csrfToken, problems: problems,
            name: form.name ?? "", capacity: form.capacity ?? "", curriculum: form.curriculum ?? "",
            date: form.date ?? "", time: form.time ?? "", minutes: form.minutes ?? "75", videoURL: form.videoURL ?? "",
            modality: form.modality ?? "inPerson",
            rooms: rooms.compactMap { room in room.id.map { .init(id: $0.uuidString, name: room.name, selected: $0.uuidString == form.roomID) } },
            colleagues: colleagues.compactMap { account in account.id.map { .init(id: $0.uuidString, name: account.displayName, selected: $0.uuidString == form.coTherapistID) } },
            action: SiteRoute.courseNew.path)
        return try await request.view.render("course-new", context).encodeResponse(status: status, for: request)
    }
}

/// A starting curriculum for a new MBT-I course, in the project's own words (editable), in the
/// page's language: catalogue keys `course.default.1` to `course.default.11`.
enum CourseDefaults {
    /// How many sessions the starting curriculum has.
    static let sessionCount = 11

    static var curriculum: [String] { (1...sessionCount).map { PageText.text("course.default.\($0)") } }
}

/// The new-course form.
struct CourseCreationContext: Encodable {
    struct Choice: Encodable {
        let id: String
        let name: String
        let selected: Bool
    }

    let page: PageChrome
    let csrfToken: String
    let problems: [String]
    let name: String
    let capacity: String
    let curriculum: String
    let date: String
    let time: String
    let minutes: String
    let videoURL: String
    let modality: String
    let rooms: [Choice]
    let colleagues: [Choice]
    let action: String
}
