import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// Drives the patient's questionnaire pages the way a browser does.
enum MeasureFlow {
    /// Starts the patient's due assignment of `instrumentID` and returns the response page path.
    static func start(_ patient: WebClient, instrumentID: String) async throws -> String {
        let list = try await patient.get("/me/measures").body.string
        let app = patient.app
        let assignment = try #require(try await MeasureAssignment.query(on: app.db).filter(\.$instrumentID == instrumentID)
            .filter(\.$completedAt == nil).all().first { list.contains("/me/measures/\($0.id?.uuidString ?? "-")/start") })
        let started = try await patient.post("/me/measures/\(try assignment.requireID().uuidString)/start", form: [:])
        #expect(started.status == .seeOther)
        return try #require(started.headers.first(name: .location))
    }

    /// Answers every question in turn with `answers[linkId]` and returns the review page path.
    static func answerAll(_ patient: WebClient, responsePath: String, answers: [String: String]) async throws -> String {
        var location = responsePath
        for _ in 0..<40 {
            let page = try await patient.get(location)
            if page.status == .seeOther { location = try #require(page.headers.first(name: .location)); continue }
            let html = page.body.string
            guard let match = html.firstMatch(of: /name="linkId" value="([^"]+)"/) else { return location }
            let linkId = String(match.1)
            let posted = try await patient.post(responsePath + "/answer", form: ["linkId": linkId, "answer": answers[linkId] ?? "0", "go": "next"])
            #expect(posted.status == .seeOther, "answer to \(linkId): \(posted.status)")
            location = try #require(posted.headers.first(name: .location))
            if location.hasSuffix("/review") { return location }
        }
        Issue.record("the questionnaire never reached its review step")
        return location
    }

    static func phq9(item9: String) -> [String: String] {
        ["phq9-1": "1", "phq9-2": "2", "phq9-3": "1", "phq9-4": "2", "phq9-5": "1", "phq9-6": "1", "phq9-7": "0", "phq9-8": "1", "phq9-9": item9, "phq9-10": "1"]
    }
}
