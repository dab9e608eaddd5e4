import Testing
@testable import MentalizeCore

@Suite("FHIR: Questionnaire export")
struct FHIRQuestionnaireTests {
    @Test("every shipped definition keeps its linkIds, url, version and a computable name")
    func everyDefinition() throws {
        for definition in try MeasurementFixtures.catalog().definitions {
            // act
            let questionnaire = FHIRExport.questionnaire(definition)
            // verify
            #expect(FHIRFixtures.linkIds(questionnaire) == definition.allItems.map(\.linkId), "\(definition.id)")
            #expect(questionnaire["url"]?.string == definition.url)
            #expect(questionnaire["version"]?.string == definition.version)
            #expect(questionnaire["status"]?.string == "active")
            #expect(questionnaire["copyright"]?.string == definition.copyright)
            let name = questionnaire["name"]?.string ?? ""
            #expect(name.wholeMatch(of: /[A-Z][A-Za-z0-9_]{0,254}/) != nil, "\(name)")
        }
    }

    @Test("PHQ-9: LOINC panel, item and LA answer codes with ordinal values; local codes where LOINC has none")
    func phq9Codes() throws {
        // setup
        let phq = try MeasurementFixtures.definition("phq-9")
        // act
        let questionnaire = FHIRExport.questionnaire(phq)
        // verify
        #expect(questionnaire["code"] == [["system": "http://loinc.org", "code": "44249-1"]])
        let first = FHIRFixtures.item("phq9-1", in: questionnaire)
        #expect(first?["type"]?.string == "choice")
        #expect(first?["code"] == [["system": "http://loinc.org", "code": "44250-9"]])
        #expect(first?["answerOption"]?.elements.map { $0["valueCoding"]?["code"]?.string } == ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"])
        #expect(first?["answerOption"]?.elements.allSatisfy { $0["valueCoding"]?["system"]?.string == "http://loinc.org" } == true)
        #expect(FHIRFixtures.ordinalValues(first) == [0, 1, 2, 3])
        #expect(FHIRFixtures.item("phq9-9", in: questionnaire)?["code"]?.elements.first?["code"]?.string == "44260-8")
        let difficulty = FHIRFixtures.item("phq9-10", in: questionnaire)
        #expect(difficulty?["answerOption"]?.elements.first?["valueCoding"]?["system"]?.string == "urn:mentalize:instrument:phq-9/answers/phq9-10")
        let intro = FHIRFixtures.item("phq9-intro", in: questionnaire)
        #expect(intro?["type"]?.string == "display")
        #expect(intro?["required"] == nil)
    }

    @Test("GAD-7: LOINC panel and item codes")
    func gad7Codes() throws {
        let questionnaire = FHIRExport.questionnaire(try MeasurementFixtures.definition("gad-7"))
        #expect(questionnaire["code"]?.elements.first?["code"]?.string == "69737-5")
        #expect(FHIRFixtures.item("gad7-1", in: questionnaire)?["code"]?.elements.first?["code"]?.string == "69725-0")
        #expect(FHIRFixtures.item("gad7-7", in: questionnaire)?["code"]?.elements.first?["code"]?.string == "69736-7")
    }

    @Test("C-SSRS: questions 3-5 are asked after a yes to 2, and 6a after a yes to 6")
    func cssrsSkipLogic() throws {
        // setup
        let cssrs = try MeasurementFixtures.definition("c-ssrs-screener")
        let system = "urn:mentalize:instrument:c-ssrs-screener/answers/"
        // act
        let questionnaire = FHIRExport.questionnaire(cssrs)
        // verify
        for (linkId, trigger) in [("cssrs-3", "cssrs-2"), ("cssrs-4", "cssrs-2"), ("cssrs-5", "cssrs-2"), ("cssrs-6a", "cssrs-6")] {
            let item = FHIRFixtures.item(linkId, in: questionnaire)
            let condition = item?["enableWhen"]?.elements
            #expect(condition?.count == 1, "\(linkId)")
            #expect(condition?.first?["question"]?.string == trigger)
            #expect(condition?.first?["operator"]?.string == "=")
            #expect(condition?.first?["answerCoding"]?["system"]?.string == system + trigger)
            #expect(condition?.first?["answerCoding"]?["code"]?.string == "yes")
            #expect(item?["enableBehavior"] == nil)
            #expect(item?["required"] == .bool(true))
        }
        for linkId in ["cssrs-1", "cssrs-2", "cssrs-6"] {
            #expect(FHIRFixtures.item(linkId, in: questionnaire)?["enableWhen"] == nil)
        }
    }

    @Test("PHQ-9 item 10: 'any item above 0' becomes an = test on every non-zero option, joined with any")
    func ordinalConditionOnChoices() throws {
        let questionnaire = FHIRExport.questionnaire(try MeasurementFixtures.definition("phq-9"))
        let difficulty = FHIRFixtures.item("phq9-10", in: questionnaire)
        let conditions = difficulty?["enableWhen"]?.elements ?? []
        #expect(difficulty?["enableBehavior"]?.string == "any")
        #expect(conditions.count == 27)
        #expect(conditions.allSatisfy { $0["operator"]?.string == "=" })
        #expect(Set(conditions.compactMap { $0["answerCoding"]?["code"]?.string }) == ["LA6569-3", "LA6570-1", "LA6571-9"])
        #expect(Set(conditions.compactMap { $0["question"]?.string }) == Set((1...9).map { "phq9-\($0)" }))
    }

    @Test("integer items carry minValue and maxValue; groups nest their children")
    func integerAndGroup() {
        let questionnaire = FHIRExport.questionnaire(FHIREnableWhenTests.definition)
        let days = FHIRFixtures.item("days", in: questionnaire)
        #expect(days?["type"]?.string == "integer")
        #expect(days?["extension"] == [
            ["url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": .integer(0)],
            ["url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": .integer(7)],
        ])
        let group = FHIRFixtures.item("details", in: questionnaire)
        #expect(group?["type"]?.string == "group")
        #expect(group?["item"]?.elements.compactMap { $0["linkId"]?.string } == ["days", "days-note"])
    }
}
