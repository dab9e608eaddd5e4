import Foundation
import Testing
@testable import MentalizeCore

@Suite("FHIR: QuestionnaireResponse, score Observations and Bundle")
struct FHIRResponseBundleTests {
    @Test("PHQ-9: response answers as LOINC Codings, total-score Observation with the engine's value")
    func phq9Bundle() throws {
        // setup
        let phq = try MeasurementFixtures.definition("phq-9")
        let response = try FHIRFixtures.response(phq, MeasurementFixtures.answers("phq9", [1, 2, 3, 0, 1, 2, 3, 1, 0]))
        // act
        let bundle = try FHIRExport.bundle(response)
        // verify
        #expect(bundle["resourceType"]?.string == "Bundle")
        #expect(bundle["type"]?.string == "collection")
        let entries = bundle["entry"]?.elements ?? []
        try #require(entries.count == 2)
        let questionnaireResponse = entries[0]["resource"]
        #expect(entries[0]["fullUrl"]?.string == "urn:uuid:11223344-5566-4788-99aa-bbccddeeff00")
        #expect(questionnaireResponse?["questionnaire"]?.string == "urn:mentalize:instrument:phq-9|1")
        #expect(questionnaireResponse?["status"]?.string == "completed")
        #expect(questionnaireResponse?["subject"] == ["reference": "Patient/p-1"])
        #expect(questionnaireResponse?["author"] == ["reference": "Patient/p-1"])
        #expect(questionnaireResponse?["authored"]?.string == "2025-01-06T09:30:00Z")
        let third = FHIRFixtures.item("phq9-3", in: questionnaireResponse ?? [:])
        #expect(third?["answer"] == [["valueCoding": [
            "system": "http://loinc.org", "code": "LA6571-9", "display": "Nearly every day",
            "extension": [["url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": .decimal(3)]],
        ]]])
        let difficulty = FHIRFixtures.item("phq9-10", in: questionnaireResponse ?? [:])
        #expect(difficulty == nil, "unanswered questions are left out")

        let observation = entries[1]["resource"]
        #expect(observation?["status"]?.string == "final")
        #expect(observation?["category"]?.elements.first?["coding"]?.elements.first?["code"]?.string == "survey")
        #expect(observation?["code"]?["coding"]?.elements.first == ["system": "http://loinc.org", "code": "44261-6"])
        #expect(observation?["valueQuantity"]?["value"]?.number == response.score.primary?.value)
        #expect(observation?["valueQuantity"]?["value"]?.number == 13)
        #expect(observation?["valueQuantity"]?["code"]?.string == "{score}")
        #expect(observation?["valueQuantity"]?["system"]?.string == "http://unitsofmeasure.org")
        #expect(observation?["interpretation"] == [["text": "Moderate"]])
        #expect(observation?["effectiveDateTime"]?.string == "2025-01-06T09:30:00Z")
        #expect(observation?["subject"] == questionnaireResponse?["subject"])
    }

    @Test("every reference inside the Bundle resolves to an entry's fullUrl, and each fullUrl names its resource id")
    func referencesResolve() throws {
        let zan = try MeasurementFixtures.definition("zan-bpd")
        let answers = Dictionary(uniqueKeysWithValues: zan.allItems.filter(\.isQuestion).enumerated().map { index, item in
            (item.linkId, ItemAnswer.code(String(index % 5)))
        })
        let bundle = try FHIRExport.bundle(FHIRFixtures.response(zan, answers))
        let entries = bundle["entry"]?.elements ?? []
        let fullUrls = entries.compactMap { $0["fullUrl"]?.string }
        #expect(Set(fullUrls).count == entries.count)
        for entry in entries {
            #expect(entry["fullUrl"]?.string == "urn:uuid:" + (entry["resource"]?["id"]?.string ?? "-"))
        }
        let observations = entries.dropFirst().compactMap { $0["resource"] }
        #expect(observations.count == zan.scoring?.scales.count)
        for observation in observations {
            #expect(observation["derivedFrom"]?.elements.compactMap { $0["reference"]?.string } == [fullUrls[0]])
        }
    }

    @Test("scales without LOINC codes use the definition's local scale system; values equal the engine's")
    func localScaleCodes() throws {
        // setup
        let zan = try MeasurementFixtures.definition("zan-bpd")
        let answers = Dictionary(uniqueKeysWithValues: zan.allItems.filter(\.isQuestion).enumerated().map { index, item in
            (item.linkId, ItemAnswer.code(String(index % 5)))
        })
        let response = try FHIRFixtures.response(zan, answers)
        // act
        let observations = try FHIRExport.scoreObservations(response)
        // verify
        let codes = observations.map { $0["code"]?["coding"]?.elements.map { $0["code"]?.string } }
        #expect(codes == response.score.scales.map { [$0.scaleId] })
        #expect(observations.allSatisfy { $0["code"]?["coding"]?.elements.first?["system"]?.string == "urn:mentalize:instrument:zan-bpd/scales" })
        #expect(observations.map { $0["valueQuantity"]?["value"]?.number } == response.score.scales.map(\.value))
        #expect(observations.first?["derivedFrom"] == [["reference": "QuestionnaireResponse/11223344-5566-4788-99aa-bbccddeeff00"]])
    }

    @Test("a mean score keeps its decimals; a pro-rated sum says so in a note")
    func decimalsAndProRating() throws {
        let bsl = try MeasurementFixtures.definition("bsl-23")
        let bslAnswers = Dictionary(uniqueKeysWithValues: (1...23).map { ("bsl23-\($0)", ItemAnswer.code(String($0 % 3))) })
        let bslResponse = try FHIRFixtures.response(bsl, bslAnswers)
        let mean = try FHIRExport.scoreObservations(bslResponse).first
        #expect(mean?["valueQuantity"]?["value"] == .decimal(bslResponse.score.primary?.value ?? -1))
        #expect(mean?["valueQuantity"]?["value"]?.number != mean?["valueQuantity"]?["value"]?.number?.rounded())

        let phq = try MeasurementFixtures.definition("phq-9")
        var phqAnswers = MeasurementFixtures.answers("phq9", [1, 1, 1, 1, 1, 1, 1, 1, 1])
        phqAnswers["phq9-4"] = nil
        phqAnswers["phq9-10"] = .code("1")
        let proRated = try FHIRExport.scoreObservations(FHIRFixtures.response(phq, phqAnswers)).first
        #expect(proRated?["note"]?.elements.first?["text"]?.string == "Pro-rated for 1 unanswered item: phq9-4")
    }

    @Test("answers inside a group are nested under it; integers are valueInteger; a clinician author is a Practitioner")
    func nestedGroups() throws {
        // setup
        let definition = FHIREnableWhenTests.definition
        let answers: [String: ItemAnswer] = ["sleep": .code("yes"), "days": .integer(4)]
        let response = CompletedResponse(
            definition: definition, id: FHIRFixtures.responseId, patientId: "p-1", authored: FHIRFixtures.authored,
            author: .practitioner(id: "t-9"), answers: answers, score: try ScoringEngine.score(definition, answers: answers))
        // act
        let questionnaireResponse = try FHIRExport.questionnaireResponse(response)
        // verify
        #expect(FHIRFixtures.linkIds(questionnaireResponse) == ["sleep", "details", "days"])
        let group = questionnaireResponse["item"]?.elements.last
        #expect(group?["answer"] == nil)
        #expect(group?["item"] == [["linkId": "days", "text": "days", "answer": [["valueInteger": .integer(4)]]]])
        #expect(questionnaireResponse["author"] == ["reference": "Practitioner/t-9"])
        #expect(try FHIRExport.bundle(response)["entry"]?.elements.count == 1, "unscored: no Observation")
    }

    @Test("inconsistent inputs are refused")
    func refusals() throws {
        let gad = try MeasurementFixtures.definition("gad-7")
        let response = try FHIRFixtures.response(gad, MeasurementFixtures.answers("gad7", [1, 1, 1, 1, 1, 1, 1]))
        let badPatient = CompletedResponse(definition: gad, id: response.id, patientId: "no spaces/allowed", authored: response.authored,
                                           answers: response.answers, score: response.score)
        #expect(throws: FHIRExportError.invalidResourceId("no spaces/allowed")) { try FHIRExport.bundle(badPatient) }
        let badAuthor = CompletedResponse(definition: gad, id: response.id, patientId: "p-1", authored: response.authored,
                                          author: .practitioner(id: ""), answers: response.answers, score: response.score)
        #expect(throws: FHIRExportError.invalidResourceId("")) { try FHIRExport.questionnaireResponse(badAuthor) }
        var otherAnswers = response.answers
        otherAnswers["gad7-1"] = .code("3")
        let mismatched = CompletedResponse(definition: gad, id: response.id, patientId: "p-1", authored: response.authored,
                                           answers: otherAnswers, score: response.score)
        #expect(throws: FHIRExportError.scoreDoesNotMatchAnswers(instrumentId: "gad-7")) { try FHIRExport.scoreObservations(mismatched) }
        var unknown = response.answers
        unknown["gad7-99"] = .code("1")
        let invalid = CompletedResponse(definition: gad, id: response.id, patientId: "p-1", authored: response.authored,
                                        answers: unknown, score: response.score)
        #expect(throws: ScoringError.unknownItem(linkId: "gad7-99")) { try FHIRExport.bundle(invalid) }
    }

    @Test("exports are deterministic: the same input gives the same bytes and Observation ids")
    func deterministic() throws {
        let phq = try MeasurementFixtures.definition("phq-9")
        let response = try FHIRFixtures.response(phq, MeasurementFixtures.answers("phq9", [0, 1, 2, 3, 0, 1, 2, 3, 0]))
        #expect(try FHIRExport.bundle(response).data() == FHIRExport.bundle(response).data())
        let id = FHIRExport.observationId(response, scaleId: "total")
        #expect(id == FHIRExport.observationId(response, scaleId: "total"))
        #expect(id != FHIRExport.observationId(response, scaleId: "other"))
        #expect(Array(id.uuidString)[14] == "5", "version-5 UUID")
        // RFC 4122 v5 reference value (as computed by Python's uuid.uuid5(NAMESPACE_DNS, "python.org")).
        let dns = try #require(UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
        #expect(NameBasedUUID.make(namespace: dns, name: "python.org").fhirId == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
    }
}
