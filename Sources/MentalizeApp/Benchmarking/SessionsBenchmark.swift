import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The scheduling benchmark (see Benchmarks/README.md): the therapist week view and the caseload
/// dashboard on a database of `patients` patients, 200 therapists and two years of weekly
/// sessions (a series per patient, attendance for every past session, signed notes for the last
/// eight weeks), against /healthz in the same run. The measured therapist's caseload is 50
/// patients at every size, so 1k and 10k runs differ only in the size of the database.
public enum SessionsBenchmark {
    public static let therapists = 200
    public static let measuredCaseload = 50

    public static func run(patients: Int, requests: Int = 100) async throws -> String {
        LoggingSetup.bootstrap(levelName: "error")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentalize-bench-\(UUID().uuidString)")
        let configuration = AppConfiguration(host: "127.0.0.1", port: 0, dataDirectory: folder,
                                             database: .sqlite(path: AppConfiguration.defaultSQLitePath(in: folder)), logLevel: "error")
        var environment = Environment.production
        environment.arguments = ["bench"]
        let (app, _) = try await AppBootstrap.makeApplication(configuration, environment: environment, options: .init(seedDemo: true))
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let started = DispatchTime.now().uptimeNanoseconds
            let measured = try await seed(app, patients: patients)
            let seeding = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let counts = "series \(try await SessionSeriesRecord.query(on: app.db).count()), attendance rows \(try await AttendanceEntry.query(on: app.db).count()), notes \(try await SessionNoteRecord.query(on: app.db).count())"
            let token = try await SessionStore(database: app.db, rules: .init(), now: app.clock.now()).start(userID: measured, kind: "web", secondFactorDone: true).token
            var lines = ["database: \(patients) patients, \(therapists) therapists, \(counts); seeded in \(String(format: "%.0f", seeding)) s"]
            var medians: [Double] = []
            let timer = PageTimer(app: app, token: token)
            for (name, path) in [("week view", "/schedule"), ("caseload dashboard", "/caseload"), ("baseline /healthz", "/healthz")] {
                let (median, p90) = try await timer.measure(path, requests: requests)
                medians.append(median)
                lines.append("\(name) (caseload \(measuredCaseload)): median \(String(format: "%.2f", median)) ms, p90 \(String(format: "%.2f", p90)) ms")
            }
            lines.append("week view / healthz = \(String(format: "%.0f", medians[0] / medians[2]))x; caseload / healthz = \(String(format: "%.0f", medians[1] / medians[2]))x")
            try await app.asyncShutdown()
            return lines.joined(separator: "\n")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Seeds the therapists, patients, caseloads, series, attendance and notes; returns the
    /// measured therapist's id.
    private static func seed(_ app: Application, patients: Int) async throws -> UUID {
        let clinicID = DemoSeed.clinicID
        let loader = try await ScheduleLoader.make(database: app.db, clinicID: clinicID)
        let now = app.clock.now()
        let twoYearsAgo = loader.zone.localDate(of: now).adding(days: -728)
        let therapistIDs = (0..<therapists).map { _ in UUID() }
        let body = try SessionNoteBody(interventions: [.stopAndRewind], narrative: "Benchmark note.", risk: try RiskUpdate(change: .unchanged), plan: "Continue.")
        try await app.db.transaction { db in
            try await therapistIDs.enumerated().map { UserAccount(id: $1, clinicID: clinicID, username: "bench.\($0)@bench.invalid", displayName: "Bench therapist \($0)", roles: ["therapist"]) }.create(on: db)
        }
        for chunkStart in stride(from: 0, to: patients, by: 500) {
            let range = chunkStart..<min(patients, chunkStart + 500)
            try await app.db.transaction { db in
                var people: [Patient] = []
                var caseload: [CaseloadAssignmentRecord] = []
                var series: [SessionSeriesRecord] = []
                var attendance: [AttendanceEntry] = []
                var notes: [SessionNoteRecord] = []
                for index in range {
                    let patientID = UUID()
                    let therapist = index < measuredCaseload ? therapistIDs[0] : therapistIDs[1 + index % (therapists - 1)]
                    people.append(Patient(id: patientID, clinicID: clinicID, givenName: "Bench\(index)", familyName: "Patient", dateOfBirth: "1990-01-01", phase: "treatment", userID: nil))
                    caseload.append(CaseloadAssignmentRecord(therapistID: therapist, patientID: patientID, startsAt: now.addingTimeInterval(-800 * 86_400)))
                    let record = SessionSeriesRecord()
                    let seriesID = UUID()
                    record.id = seriesID
                    record.$clinic.id = clinicID
                    record.kind = SeriesKind.individual.rawValue
                    record.$patient.id = patientID
                    record.$therapist.id = therapist
                    let first = twoYearsAgo.adding(days: index % 5)
                    record.firstDate = first.description
                    record.startTime = String(format: "%02d:00", 9 + (index / 5) % 8)
                    record.durationMinutes = 50
                    record.modality = ModalityKind.phone.rawValue
                    record.createdAt = now
                    series.append(record)
                    for week in 0..<104 {
                        let date = first.adding(days: week * 7)
                        let entry = AttendanceEntry()
                        entry.sourceID = seriesID
                        entry.sessionDate = date.description
                        entry.sessionStart = loader.zone.instant(on: date, at: .midnight).addingTimeInterval(9 * 3600)
                        entry.$patient.id = patientID
                        entry.mark = week % 9 == 0 ? AttendanceChoice.didNotAttend.rawValue : AttendanceChoice.attended.rawValue
                        entry.$recordedBy.id = therapist
                        entry.recordedAt = now
                        attendance.append(entry)
                        if week >= 96 { notes.append(try note(for: entry, therapist: therapist, body: body)) }
                    }
                }
                try await people.create(on: db)
                try await caseload.create(on: db)
                try await series.create(on: db)
                for part in stride(from: 0, to: notes.count, by: 1000) {
                    try await Array(notes[part..<min(notes.count, part + 1000)]).create(on: db)
                }
                for part in stride(from: 0, to: attendance.count, by: 2000) {
                    try await Array(attendance[part..<min(attendance.count, part + 2000)]).create(on: db)
                }
            }
        }
        return therapistIDs[0]
    }

    /// A signed individual note for the session `entry` records.
    private static func note(for entry: AttendanceEntry, therapist: UUID, body: SessionNoteBody) throws -> SessionNoteRecord {
        let date = try LocalDate(iso: entry.sessionDate)
        var note = SignableNote(id: NoteID(UUID()), session: BookingID(source: entry.sourceID, date: date), author: UserID(therapist), content: IndividualSessionNote(body: body))
        try note.sign(by: UserID(therapist), at: entry.sessionStart.addingTimeInterval(3600))
        let record = SessionNoteRecord()
        record.id = note.id.rawValue
        record.sourceID = entry.sourceID
        record.sessionDate = entry.sessionDate
        record.sessionStart = entry.sessionStart
        record.kind = "individual"
        record.$patient.id = entry.$patient.id
        record.$author.id = therapist
        record.state = "signed"
        record.signedAt = entry.sessionStart.addingTimeInterval(3600)
        record.noteJSON = String(decoding: try JSONEncoder().encode(note), as: UTF8.self)
        record.updatedAt = entry.sessionStart
        return record
    }
}
