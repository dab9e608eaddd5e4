import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The access matrix of the professional layer: every demo actor against the note review, a
/// fidelity rating (read and write), the lead's agreement page, the supervisor's page, the
/// fidelity page and the evidence pack. Out of scope is 404; a refused read of a rating is audited
/// as denied.
@Suite struct ProfessionalLayerAccessTests {
    enum Probe: String, CaseIterable {
        case review, readRating, writeRating, agreement, supervision, fidelity, evidencePack
    }

    /// Expected status per actor and probe (200, 303 or 400 in scope; 404 out of it).
    static let expected: [String: [Probe: HTTPStatus]] = [
        "ash": [.review: .notFound, .readRating: .ok, .writeRating: .notFound, .agreement: .notFound, .supervision: .notFound, .fidelity: .ok, .evidencePack: .ok],
        "birch": [.review: .notFound, .readRating: .notFound, .writeRating: .notFound, .agreement: .notFound, .supervision: .notFound, .fidelity: .ok, .evidencePack: .ok],
        "cedar": [.review: .badRequest, .readRating: .ok, .writeRating: .badRequest, .agreement: .notFound, .supervision: .ok, .fidelity: .ok, .evidencePack: .ok],
        "lead": [.review: .notFound, .readRating: .notFound, .writeRating: .notFound, .agreement: .ok, .supervision: .notFound, .fidelity: .notFound, .evidencePack: .notFound],
        "admin": [.review: .notFound, .readRating: .notFound, .writeRating: .notFound, .agreement: .notFound, .supervision: .notFound, .fidelity: .notFound, .evidencePack: .notFound],
        "avery": [.review: .notFound, .readRating: .notFound, .writeRating: .notFound, .agreement: .notFound, .supervision: .notFound, .fidelity: .notFound, .evidencePack: .notFound],
    ]

    @Test func everyActorReachesOnlyWhatTheirRoleAndRelationshipAllow() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // Cedar co-signs Ash's notes; Ash signs Avery's latest note and asks Cedar to rate the session.
            _ = try await NoteReviewLoopTests.superviseAsh(app, mode: "co-sign")
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let sessionPath = SessionFixtures.path(session)
            try await ash.get(sessionPath)
            var note = NotesTests.complete
            note["action"] = "sign"
            #expect(try await ash.post(sessionPath + "/note", form: note).status == .seeOther)
            #expect(try await ash.post("/fidelity/clips", form: ["session": session.key.description, "scaleID": "mentalize-demo",
                                                                 "recordingLink": "https://recordings.clinic.example/1", "raterID": DemoStaff.supervisor.id.uuidString]).status == .seeOther)
            let rating = try #require(try await FidelityRatingRecord.query(on: app.db).first())
            let ratingPath = "/fidelity/ratings/\(try rating.requireID())"
            let actors: [(String, UUID)] = [("ash", DemoStaff.therapistAsh.id), ("birch", DemoStaff.therapistBirch.id), ("cedar", DemoStaff.supervisor.id),
                                            ("lead", DemoStaff.lead.id), ("admin", DemoStaff.admin.id), ("avery", SessionFixtures.avery.userID)]
            var probes = 0
            for (name, userID) in actors {
                let client = try await SignedInClients.web(app, userID: userID)
                try await client.get("/no-such-page")
                for probe in Probe.allCases {
                    let requestID = "\(name)-\(probe.rawValue)"
                    let headers: HTTPHeaders = ["X-Request-Id": requestID]
                    let response: TestingHTTPResponse = switch probe {
                    case .review: try await client.post(sessionPath + "/review", form: ["action": "return", "comment": ""], headers: headers)
                    case .readRating: try await client.get(ratingPath, headers: headers)
                    case .writeRating: try await client.post(ratingPath, form: [:], headers: headers)
                    case .agreement: try await client.get("/programme/fidelity", headers: headers)
                    case .supervision: try await client.get("/supervision", headers: headers)
                    case .fidelity: try await client.get("/fidelity", headers: headers)
                    case .evidencePack: try await client.get("/me/training/evidence/afc-practitioner", headers: headers)
                    }
                    #expect(response.status == Self.expected[name]?[probe], "\(name) \(probe.rawValue): \(response.status.code)")
                    #expect(!response.body.string.contains("Explored a row with a friend") || name == "ash" || name == "cedar", "\(name) \(probe.rawValue) shows note text")
                    probes += 1
                }
            }
            #expect(probes == actors.count * Probe.allCases.count)
            // A refused read of the rating is in the audit log as denied; an allowed one as allowed.
            let birchRead = try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "birch-readRating").filter(\.$recordType == "fidelityRating").all()
            #expect(birchRead.map(\.outcome) == ["denied"])
            let cedarRead = try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "cedar-readRating").filter(\.$recordType == "fidelityRating").all()
            #expect(cedarRead.map(\.outcome) == ["allowed"])
            let cedarReview = try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "cedar-review").filter(\.$recordType == "noteReview").all()
            #expect(Set(cedarReview.map(\.action)) == ["write", "read"] && cedarReview.allSatisfy { $0.outcome == "allowed" },
                    "the review write, then the page shown again with the refusal reads the review")
            #expect(try await NoteReviewRecord.query(on: app.db).first()?.status == "awaiting", "the refused return changed nothing")
        }
    }
}
