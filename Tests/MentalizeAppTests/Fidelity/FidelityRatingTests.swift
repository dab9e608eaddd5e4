import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// Fidelity rating in the app: the therapist asks for a rating of their session with a link to the
/// recording; the raters asked rate blind until both are in; the lead samples second raters and
/// sees agreement per pair; the therapist reads scores, feedback and trend. Nobody else reaches it
/// and no rating page names the patient.
@Suite struct FidelityRatingTests {
    /// Every item of the demonstration scale at `score`, with feedback.
    static func scores(_ score: Int, feedback: String = "") -> [String: String] {
        var fields = ["feedback": feedback]
        for item in 1...5 {
            if item != 4 { fields["adherence.demo-\(item)"] = "\(score)" }
            fields["quality.demo-\(item)"] = "\(score)"
        }
        return fields
    }

    /// Ash asks Cedar to rate minutes `from`–`to` of Avery's latest session; returns Cedar's rating's path.
    static func askCedar(_ app: Application, ash: WebClient, session: ScheduledSession, from: Int, to: Int) async throws -> String {
        let form = ["session": session.key.description, "scaleID": "mentalize-demo", "startMinute": "\(from)", "endMinute": "\(to)",
                    "recordingLink": "https://recordings.clinic.example/ash/\(from)", "raterID": DemoStaff.supervisor.id.uuidString]
        let response = try await ash.post("/fidelity/clips", form: form)
        #expect(response.status == .seeOther, "\(response.body.string.components(separatedBy: "clip-problems").last?.prefix(400) ?? "")")
        let clip = try #require(try await FidelityClipRecord.query(on: app.db).filter(\.$startMinute == from).first())
        let rating = try #require(try await FidelityRatingRecord.query(on: app.db).filter(\.$clip.$id == (try clip.requireID())).first())
        return "/fidelity/ratings/\(try rating.requireID())"
    }

    @Test func twoRatersRateBlindTheLeadSeesAgreementAndTheTherapistReadsFeedback() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            let sessionPage = try await ash.get(SessionFixtures.path(session)).body.string
            #expect(sessionPage.contains("/fidelity/clips/new?session=\(session.key.description)"))
            let ask = try await ash.get("/fidelity/clips/new?session=\(session.key.description)")
            #expect(ask.status == .ok && ask.body.string.contains("Mentalize demonstration scale"))
            #expect(!ask.body.string.contains("MBT Adherence"), "a licensed scale without its text pack is not offered")
            var bad = ["session": session.key.description, "scaleID": "mentalize-demo", "startMinute": "40", "endMinute": "10",
                       "recordingLink": "http://recordings.clinic.example/x", "raterID": DemoStaff.supervisor.id.uuidString]
            let refused = try await ash.post("/fidelity/clips", form: bad)
            #expect(refused.status == .badRequest && refused.body.string.contains("an https address") && refused.body.string.contains("start and end minute"))
            #expect(refused.body.string.contains("http://recordings.clinic.example/x"), "the form keeps what was typed")
            bad["raterID"] = DemoStaff.therapistAsh.id.uuidString
            bad["recordingLink"] = "https://recordings.clinic.example/x"
            bad["endMinute"] = "55"
            #expect(try await ash.post("/fidelity/clips", form: bad).body.string.contains("Choose who should rate it."), "never one's own rater")

            let cedarPath = try await Self.askCedar(app, ash: ash, session: session, from: 10, to: 25)
            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            #expect(try await cedar.get("/supervision").body.string.contains("1 waiting for your rating"), "the supervisor's page counts ratings to do")
            let cedarHome = try await cedar.get("/fidelity").body.string
            #expect(cedarHome.contains("href=\"\(cedarPath)\"") && cedarHome.contains("minutes 10–25 (15 min)"))
            let ratingPage = try await cedar.get(cedarPath, headers: ["X-Request-Id": "rate-read"]).body.string
            #expect(ratingPage.contains("https://recordings.clinic.example/ash/10") && ratingPage.contains("Keeps a curious, not-knowing stance"))
            #expect(!ratingPage.contains("Avery"), "the rating page never names the patient")
            let read = try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "rate-read").filter(\.$recordType == "fidelityRating").all()
            #expect(read.map(\.action) == ["read"] && read.first?.patientID == SessionFixtures.avery.id)

            // The lead samples every single-rated clip from Birch and Cedar: the second rater is Birch (Cedar rates it already).
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            try await lead.get("/programme/fidelity")
            let pool = ["rater.\(DemoStaff.therapistBirch.id.uuidString)": "on", "rater.\(DemoStaff.supervisor.id.uuidString)": "on"]
            #expect(try await lead.post("/programme/fidelity/sample", form: pool.merging(["share": "0"]) { $1 }).status == .badRequest)
            let noPool = try await lead.post("/programme/fidelity/sample", form: ["share": "100"])
            #expect(noPool.status == .badRequest && noPool.body.string.contains("Tick at least one rater"))
            let sampled = try await lead.post("/programme/fidelity/sample", form: pool.merging(["share": "100"]) { $1 })
            #expect(sampled.status == .ok && sampled.body.string.contains("Second ratings asked: 1"))
            let birchRating = try #require(try await FidelityRatingRecord.query(on: app.db).filter(\.$rater.$id == DemoStaff.therapistBirch.id).first())
            let birchPath = "/fidelity/ratings/\(try birchRating.requireID())"

            // Cedar submits; Birch is still blind to it, and Ash sees no scores yet.
            try await cedar.get(cedarPath)
            let incomplete = try await cedar.post(cedarPath, form: ["adherence.demo-1": "5"])
            #expect(incomplete.status == .badRequest && incomplete.body.string.contains("score for “"))
            #expect(try await cedar.post(cedarPath, form: Self.scores(5, feedback: "Good stop-and-rewind at minute 12.")).status == .seeOther)
            #expect(try await cedar.post(cedarPath, form: Self.scores(2)).status == .conflict, "a submitted rating is final")
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let blind = try await birch.get(birchPath).body.string
            #expect(blind.contains("1 of 2") && !blind.contains("stop-and-rewind") && blind.contains("rating-form"))
            let sameClip = try await birch.get(cedarPath)
            #expect(sameClip.status == .ok && !sameClip.body.string.contains("stop-and-rewind") && !sameClip.body.string.contains("rating-form"),
                    "a rater of the same clip opens Cedar's rating only as the clip, still blind")
            #expect(!(try await ash.get("/fidelity").body.string.contains("stop-and-rewind")))
            try await birch.get(birchPath)
            #expect(try await birch.post(birchPath, form: Self.scores(4, feedback: "Curious stance throughout.")).status == .seeOther)

            let mine = try await ash.get("/fidelity").body.string
            #expect(mine.contains("Good stop-and-rewind at minute 12.") && mine.contains("Curious stance throughout."))
            #expect(mine.contains("<td>4.5</td><td>4.5</td>"), "the trend shows the mean over raters")
            let unblinded = try await birch.get(birchPath).body.string
            #expect(unblinded.contains("stop-and-rewind") && !unblinded.contains("rating-form"))

            // Two more clips rated by both give the pair a table.
            for (from, levels) in [(30, (3, 3)), (38, (6, 5))] {
                let path = try await Self.askCedar(app, ash: ash, session: session, from: from, to: from + 10)
                let clip = try #require(try await FidelityClipRecord.query(on: app.db).filter(\.$startMinute == from).first())
                let second = FidelityRatingRecord()
                second.$clip.id = try clip.requireID()
                second.$rater.id = DemoStaff.therapistBirch.id
                second.$askedBy.id = DemoStaff.lead.id
                second.askedAt = app.clock.now()
                try await second.create(on: app.db)
                try await cedar.get(path)
                #expect(try await cedar.post(path, form: Self.scores(levels.0)).status == .seeOther)
                let birchPath = "/fidelity/ratings/\(try second.requireID())"
                try await birch.get(birchPath)
                #expect(try await birch.post(birchPath, form: Self.scores(levels.1)).status == .seeOther)
            }
            let agreement = try await lead.get("/programme/fidelity").body.string
            let table = String(try #require(agreement.firstMatch(of: /<table class="table agreement-table">(.*?)<\/table>/.dotMatchesNewlines())).1)
            #expect(table.contains("Dr Morgan Cedar") || table.contains(DemoStaff.supervisor.displayName))
            #expect(table.contains("<td>3</td>"), "three clips rated by both")
            let expected = try #require(AgreementAnalysis(try RatingTable([[5, 4], [3, 3], [6, 5]])).icc(.icc2))
            #expect(table.contains(String(format: "%.2f", expected.value)), "ICC(2,1) of the pair's adherence totals")
            #expect(!agreement.contains("stop-and-rewind") && !agreement.contains("Avery"), "aggregates only")

            // The ledger counts rated clips per case, one per session (the longest): Avery's case has one.
            let record = try await TrainingProgressQueries(database: app.db).record(of: DemoStaff.therapistAsh.id, courses: [])
            #expect(record.cases.filter { !$0.ratedClipMinutes.isEmpty }.map(\.ratedClipMinutes) == [[15]])
            let ledger = try await ash.get("/me/training").body.string
            #expect(ledger.contains("counted cases with 3 rated clips of 15 minutes"), "rated clips are counted now")

            for outsider in [DemoStaff.admin.id, SessionFixtures.avery.userID] {
                let client = try await SignedInClients.web(app, userID: outsider)
                #expect(try await client.get(cedarPath).status == .notFound)
                #expect(try await client.get("/programme/fidelity").status == .notFound)
            }
            #expect(try await lead.get(cedarPath).status == .notFound, "the lead sees aggregates, not ratings")
        }
    }
}
