import Foundation
import Testing
@testable import MentalizeCore

@Suite("FHIR: sample set for export-fhir")
struct FHIRSampleSetTests {
    @Test("a Questionnaire per definition and a sample Bundle per scored definition, as JSON")
    func fileNames() throws {
        // setup
        let catalog = try MeasurementFixtures.catalog()
        // act
        let files = try FHIRSampleSet.files(for: catalog)
        // verify
        var expected = Set(catalog.definitions.map { "Questionnaire-\($0.id).json" })
        expected.formUnion(catalog.definitions.filter { $0.scoring != nil }.map { "Bundle-\($0.id)-sample.json" })
        #expect(Set(files.keys) == expected)
        #expect(files["Bundle-c-ssrs-screener-sample.json"] == nil)
        for (name, data) in files {
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(object?["resourceType"] as? String == String(name.prefix { $0 != "-" }), "\(name)")
        }
        #expect(try FHIRSampleSet.files(for: catalog) == files, "deterministic")
    }

    @Test("sample answers take the middle option and respect skip logic")
    func sampleAnswers() throws {
        let phq = try FHIRSampleSet.sampleResponse(MeasurementFixtures.definition("phq-9"))
        #expect(phq.answers.count == 10, "items 1-9 at 2 enable item 10")
        #expect(phq.answers["phq9-1"] == .code("2"))
        #expect(phq.score.primary?.value == 18)
        let cssrs = try FHIRSampleSet.sampleResponse(MeasurementFixtures.definition("c-ssrs-screener"))
        #expect(cssrs.answers.count == 7, "the middle of no/yes is yes, which enables 3-5 and 6a")
        #expect(cssrs.author == .practitioner(id: "example"))
    }
}
