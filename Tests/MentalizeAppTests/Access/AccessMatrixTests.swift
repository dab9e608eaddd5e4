import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import SQLKit
import Testing
import VaporTesting

/// Walks every route that names a patient or lists patients × every demo role (and an account an
/// admin made as a therapist, not yet approved) × patients inside
/// and outside each actor's scope, through the web and the API. Out-of-scope answers must be the
/// same 404 as a missing record and no response may carry another patient's marker (their name).
/// Then checks that every request that touched patient data left exactly its audit events.
@Suite struct AccessMatrixTests {
    /// The expected scope, written from the demo seed's relationships (not from the policy):
    /// Ash's caseload is patients 1,3,5,7,9,11, Birch's 2,4,...,12; both co-lead the group of
    /// patients 1,2,3,10; Birch alone runs the MBT-I course of patients 4 and 5; the supervisor
    /// supervises both; the lead sees the roster; the admin no one.
    static let expected: [(username: String, userID: UUID, patients: Set<Int>)] = [
        ("therapist.ash@demo.invalid", DemoStaff.therapistAsh.id, [1, 3, 5, 7, 9, 11, 2, 10]),
        ("therapist.birch@demo.invalid", DemoStaff.therapistBirch.id, [2, 4, 6, 8, 10, 12, 1, 3, 5]),
        ("supervisor.cedar@demo.invalid", DemoStaff.supervisor.id, Set(1...12)),
        ("lead.dogwood@demo.invalid", DemoStaff.lead.id, Set(1...12)),
        ("admin.elm@demo.invalid", DemoStaff.admin.id, []),
        ("patient.avery@demo.invalid", DemoPatients.all[0].userID, [1]),
        ("patient.blake@demo.invalid", DemoPatients.all[1].userID, [2]),
    ]

    /// Each demo patient's unique marker: their given name, present in every representation.
    static func marker(_ number: Int) -> String {
        DemoPatients.all[number - 1].givenName
    }

    /// Who may read which patients' records of `kind`: demographics as in `expected`; free-text
    /// records (formulation, crisis plan) only through caseload, supervision or one's own record.
    /// Measures as the formulation, but exporting them is for the caseload therapist only (the
    /// patient exports their own through My data).
    /// Session notes are staff-only: the caseload therapist and the supervisor.
    /// Crisis plans as the formulation, and also for a group's co-therapists, who manage risk in
    /// the group (Ash: the group's 2 and 10; Birch: the group's 1 and 3, the course's 5).
    static func expectedRead(_ actor: (username: String, userID: UUID, patients: Set<Int>), kind: RecordKind, action: AccessAction) -> Set<Int> {
        switch kind {
        case .demographics: actor.patients
        case .measureResponse where action == .export: expectedWrite[actor.username] ?? []
        case .formulation, .measureResponse, .message, .sharedDiaryEntry: expectedWrite[actor.username] ?? (actor.username.hasPrefix("supervisor.") ? actor.patients : [])
        // Staff-only structured records (clinical events, assessments): the caseload therapist and the supervisor.
        case .clinicalEvent, .sessionNote: expectedWrite[actor.username] ?? (actor.username.hasPrefix("supervisor.") ? actor.patients : [])
        case .crisisPlan where action == .write: expectedWrite[actor.username] ?? []
        case .crisisPlan: actor.username.hasPrefix("therapist.") || actor.username.hasPrefix("supervisor.") ? actor.patients : []
        default: []
        }
    }

    /// Staff pages are for staff: a patient gets the audited 404 there even for their own record,
    /// which they reach through their own pages and My data (issue 15).
    static func isPatient(_ actor: (username: String, userID: UUID, patients: Set<Int>)) -> Bool {
        actor.username.hasPrefix("patient.")
    }

    /// Whether the actor holds a staff role; the minted therapist's role waits for a lead.
    static func isStaff(_ actor: (username: String, userID: UUID, patients: Set<Int>)) -> Bool {
        !isPatient(actor) && !actor.username.hasPrefix("minted.")
    }

    /// Who may change which patients' programme records: the therapist whose caseload they are on.
    static let expectedWrite: [String: Set<Int>] = [
        "therapist.ash@demo.invalid": [1, 3, 5, 7, 9, 11],
        "therapist.birch@demo.invalid": [2, 4, 6, 8, 10, 12],
    ]

    @Test func everyRouteWithAParameterDeclaresItsScope() {
        for route in SiteRoute.allCases where route.rawValue.contains(":") {
            switch route.access {
            case .patientRecord:
                #expect(route.rawValue.contains(":patientID"), "\(route.rawValue) is a patient record but names no patient")
            case .roles(let roles):
                #expect(!route.rawValue.contains(":patientID") && !roles.isEmpty, "\(route.rawValue) names a patient: declare it a patient record")
            case .secretLink:
                #expect(!route.rawValue.contains(":patientID"), "\(route.rawValue) names a patient: declare it a patient record")
            default:
                Issue.record("\(route.rawValue) takes an id but declares no scope")
            }
        }
    }

    @Test func everyRegisteredRouteIsInTheRouteTable() async throws {
        try await withTestApp { app in
            let declared = Set(SiteRoute.allCases.map { $0.pathComponents.map(\.description).joined(separator: "/") })
            for route in app.routes.all {
                let path = route.path.map(\.description).joined(separator: "/")
                #expect(declared.contains(path), "\(route.method) /\(path) is registered outside SiteRoute")
            }
        }
    }

    @Test func noActorSeesAPatientOutsideTheirScopeAndEveryAccessIsAudited() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            var probes = 0
            var expectedEvents: [String: Int] = [:]
            let movesBefore = try await ProgrammeTransitionRecord.query(on: app.db).count()
            let missing = UUID()
            // An account the admin made as a therapist, whose role no lead has approved (issue 14, F3).
            let minted = try await SeparationOfDutiesTests.mintTherapist(app, username: "minted.therapist@clinic.example")
            let actors = Self.expected + [(username: "minted.therapist@clinic.example", userID: minted, patients: Set<Int>())]
            let setUp = Set(try await AuditEventRecord.query(on: app.db).all().map(\.requestID))
            for actor in actors {
                let web = try await SignedInClients.web(app, userID: actor.userID)
                let token = try await SignedInClients.apiToken(app, userID: actor.userID)
                for route in SiteRoute.allCases {
                    switch route.access {
                    case .patientRecord(_, .write):
                        // Any page gives the form token; a missing one reads no patient data (no audit event).
                        try await web.get("/no-such-page")
                        for number in 1...12 {
                            let id = DemoPatients.all[number - 1].id
                            let inScope = Self.expectedWrite[actor.username, default: []].contains(number)
                            let requestID = "m\(probes)"
                            let response = try await web.post(route.filled(["patientID": id.uuidString]), form: [:], headers: ["X-Request-Id": requestID])
                            // An empty form in scope is a validation error; out of scope it is the 404 of a missing record.
                            #expect(response.status == (inScope ? .badRequest : .notFound), "\(actor.username) POST \(route.rawValue) #\(number): \(response.status.code)")
                            let own: Set<Int> = actor.username.hasPrefix("patient.") ? actor.patients : []
                            assertOnlyMarkers(in: response.body.string, allowed: Set(inScope ? [number] : []).union(own), context: "\(actor.username) POST \(route.rawValue) #\(number)")
                            expectedEvents[requestID] = 1
                            probes += 1
                        }
                    case .patientRecord(let kind, let action):
                        for number in 1...12 {
                            let id = DemoPatients.all[number - 1].id
                            let inScope = !Self.isPatient(actor) && Self.expectedRead(actor, kind: kind, action: action).contains(number)
                            let requestID = "m\(probes)"
                            let body = try await fetch(route, ["patientID": id.uuidString], web: web, token: token, requestID: requestID, expect: inScope ? .ok : .notFound)
                            // A patient's own name is in their page header, so it is never a leak for them.
                            let own: Set<Int> = actor.username.hasPrefix("patient.") ? actor.patients : []
                            assertOnlyMarkers(in: body, allowed: Set(inScope ? [number] : []).union(own), context: "\(actor.username) \(route.rawValue) #\(number)")
                            expectedEvents[requestID] = 1
                            probes += 1
                        }
                        let requestID = "m\(probes)"
                        _ = try await fetch(route, ["patientID": missing.uuidString], web: web, token: token, requestID: requestID, expect: .notFound)
                        expectedEvents[requestID] = 1
                        probes += 1
                    case .patientList where !Self.isStaff(actor):
                        let requestID = "m\(probes)"
                        let body = try await fetch(route, [:], web: web, token: token, requestID: requestID, expect: .notFound)
                        assertOnlyMarkers(in: body, allowed: actor.patients, context: "\(actor.username) \(route.rawValue)")
                        expectedEvents[requestID] = 1
                        probes += 1
                    case .patientList:
                        let requestID = "m\(probes)"
                        let body = try await fetch(route, [:], web: web, token: token, requestID: requestID, expect: .ok)
                        assertOnlyMarkers(in: body, allowed: actor.patients, context: "\(actor.username) \(route.rawValue)")
                        for number in actor.patients {
                            #expect(body.contains(Self.marker(number)), "\(actor.username) misses #\(number) in \(route.rawValue)")
                            #expect(body.contains(DemoPatients.all[number - 1].id.uuidString), "\(actor.username) misses the id of #\(number)")
                        }
                        expectedEvents[requestID] = actor.patients.count
                        probes += 1
                    default:
                        continue
                    }
                }
            }
            // Audit completeness: every probe left exactly its events, and the chain is intact.
            let rows = try await AuditEventRecord.query(on: app.db).all()
            let counted = Dictionary(grouping: rows, by: \.requestID).mapValues(\.count)
            for (requestID, count) in expectedEvents {
                #expect((counted[requestID] ?? 0) == count, "request \(requestID): \(counted[requestID] ?? 0) audit events, expected \(count)")
            }
            #expect(Set(counted.keys).subtracting(expectedEvents.keys).subtracting(setUp).isEmpty, "audit events from requests that were not probes")
            let denied = rows.filter { $0.outcome == "denied" }.count
            #expect(denied > 0)
            #expect(try await AuditChainCheck(database: app.db).run() == .intact(count: rows.count, headSequence: Int64(rows.count), headHash: try #require(rows.max { $0.sequence < $1.sequence }).hash))
            let readRoutes = SiteRoute.allCases.filter { if case .patientRecord(_, let action) = $0.access { action != .write } else { false } }.count
            let writeRoutes = SiteRoute.allCases.filter { if case .patientRecord(_, .write) = $0.access { true } else { false } }.count
            let listRoutes = SiteRoute.allCases.filter { if case .patientList = $0.access { true } else { false } }.count
            #expect(readRoutes >= 2 && listRoutes >= 2 && writeRoutes >= 2)
            #expect(probes == actors.count * (readRoutes * 13 + writeRoutes * 12 + listRoutes))
            #expect(try await ProgrammeTransitionRecord.query(on: app.db).count() == movesBefore, "no probe changed a programme")
            print("access matrix: \(probes) probes, \(rows.count) audit events, \(denied) denied")
        }
    }

    private func fetch(_ route: SiteRoute, _ parameters: [String: String], web: WebClient, token: String, requestID: String, expect status: HTTPStatus) async throws -> String {
        var headers: HTTPHeaders = ["X-Request-Id": requestID]
        // Routes below a patient that also name an instrument get one every patient could have.
        let path = route.filled(parameters.merging(["instrumentID": "phq-9"]) { current, _ in current })
        let response: TestingHTTPResponse
        if route.rawValue.hasPrefix("/api/") {
            headers.bearerAuthorization = BearerAuthorization(token: token)
            var result: TestingHTTPResponse?
            try await web.app.testing().test(.GET, path, headers: headers) { result = $0 }
            response = try #require(result)
        } else {
            response = try await web.get(path, headers: headers)
        }
        #expect(response.status == status, "\(route.rawValue) \(parameters) answered \(response.status.code), expected \(status.code)")
        return response.body.string
    }

    private func assertOnlyMarkers(in body: String, allowed: Set<Int>, context: String) {
        for number in 1...12 where !allowed.contains(number) {
            #expect(!body.contains(Self.marker(number)), "\(context) leaked #\(number)")
            #expect(!body.contains(DemoPatients.all[number - 1].id.uuidString), "\(context) leaked the id of #\(number)")
        }
    }
}
