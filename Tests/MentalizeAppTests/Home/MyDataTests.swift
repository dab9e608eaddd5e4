import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// Data portability: the patient's own diary, answers, messages, formulation responses and
/// self-harm reports, as JSON and a printable page.
@Suite struct MyDataTests {
    @Test func aPatientDownloadsTheirOwnDataAndNobodyElses() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let avery = DemoPatients.all[0]
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            try await patient.get("/me/diary/new")
            _ = try await patient.post("/me/diary/new", form: ["key": UUID().uuidString, "whatHappened": "Export-marker: lunch with my sister", "action": "save"])
            try await patient.get("/me/messages")
            _ = try await patient.post("/me/messages/new", form: ["subject": "Export subject", "body": "Export-marker message", "key": UUID().uuidString])
            try await patient.get("/me/formulation")
            _ = try await patient.post("/me/formulation", form: ["do": "agree", "version": "2"])
            try await patient.get("/me/formulation")
            _ = try await patient.post("/me/formulation", form: ["do": "comment", "text": "Export-marker comment on my formulation"])
            try await patient.get("/me/report")
            let yesterday = try await SessionFixtures.loader(app).zone.localDate(of: app.clock.now()).adding(days: -1).description
            _ = try await patient.post("/me/report", form: ["occurredOn": yesterday, "help": "self-care", "note": "Export-marker report", "key": UUID().uuidString])
            let staffEvents = try await ClinicalEventRecord.query(on: app.db).filter(\.$patient.$id == avery.id).filter(\.$patientReported == false).count()
            // act
            let file = try await patient.get("/me/data.json")
            // verify
            #expect(file.status == .ok && file.headers.contentDisposition?.filename == "my-mentalize-data.json")
            let export = try JSONDecoder.iso8601.decode(PatientDataExport.self, from: Data(file.body.string.utf8))
            #expect(export.name == "Avery Testpatient")
            #expect(export.diary.map(\.entry.whatHappened) == ["Export-marker: lunch with my sister"])
            #expect(export.questionnaires.count == (try await MeasureResponse.query(on: app.db).filter(\.$patient.$id == avery.id).count()))
            #expect(export.questionnaires.contains { $0.answers.contains { $0.question == "Little interest or pleasure in doing things" } })
            #expect(export.messages.first?.messages.first?.text == "Export-marker message")
            #expect(export.formulationResponses.map(\.agreed) == [true, false] && export.formulationResponses.last?.comment == "Export-marker comment on my formulation")
            #expect(export.formulationResponses.first?.version == 2)
            #expect(export.selfReports.map(\.note) == ["Export-marker report"] && export.selfReports.first?.severity == "minor")
            #expect(staffEvents > 0, "the demo has events staff recorded, which are not in the patient's export")
            let page = try await patient.get("/me/data").body.string
            #expect(page.contains("Export-marker: lunch with my sister") && page.contains("Export-marker message"))
            #expect(page.contains("Export-marker comment on my formulation") && page.contains("Export-marker report") && page.contains("minor, no treatment"))
            let blake = try await SignedInClients.web(app, userID: DemoPatients.all[1].userID)
            #expect(!(try await blake.get("/me/data.json").body.string.contains("Export-marker")))
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get("/me/data.json").status == .notFound)
            let exports = try await AuditEventRecord.query(on: app.db).filter(\.$actorID == avery.userID).filter(\.$action == "export").count()
            #expect(exports == 10, "five kinds, twice (file and page)")
        }
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
