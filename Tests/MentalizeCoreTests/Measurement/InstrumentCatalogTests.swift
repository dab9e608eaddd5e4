import Foundation
import Testing
@testable import MentalizeCore

@Suite("Instrument catalog loading and validation")
struct InstrumentCatalogTests {
    @Test("every shipped definition loads and validates")
    func loadsBundled() throws {
        // act
        let catalog = try MeasurementFixtures.catalog()
        // verify
        #expect(catalog.definitions.map(\.id) == [
            "bsl-23", "c-ssrs-screener", "core-10", "gad-7", "msi-bpd", "phq-9", "rfq-8", "wsas", "zan-bpd",
        ])
        for definition in catalog.definitions {
            #expect(DefinitionValidator.issues(in: definition, file: definition.id).isEmpty)
        }
    }

    @Test("only PHQ-9 and GAD-7 ship verbatim texts; the others carry placeholders and a copyright")
    func licensing() throws {
        let catalog = try MeasurementFixtures.catalog()
        for definition in catalog.definitions {
            #expect(definition.textsShippable == ["phq-9", "gad-7"].contains(definition.id))
            #expect(!definition.copyright.isEmpty)
            if !definition.textsShippable {
                #expect(definition.allItems.allSatisfy { $0.text.contains("licensed text not loaded") })
            }
        }
        let phq = try #require(catalog.definition(id: "phq-9"))
        #expect(phq.loinc == InstrumentLoincCodes(questionnaire: "44249-1", totalScore: "44261-6"))
        #expect(phq.item(linkId: "phq9-9")?.text == "Thoughts that you would be better off dead or of hurting yourself in some way")
        #expect(try MeasurementFixtures.definition("gad-7").loinc?.totalScore == "70274-6")
        #expect(try MeasurementFixtures.definition("zan-bpd").rater == .clinician)
    }

    @Test("a definition that round-trips through JSON is unchanged")
    func roundTrip() throws {
        let definition = try MeasurementFixtures.definition("c-ssrs-screener")
        let decoded = try JSONDecoder().decode(InstrumentDefinition.self, from: JSONEncoder().encode(definition))
        #expect(decoded == definition)
    }

    @Test("broken fixtures name the file, the field path and the problem", arguments: [
        BrokenDefinitionCase("items.2.linkId", "phq9-1", "items[2].linkId", "duplicate linkId 'phq9-1'"),
        BrokenDefinitionCase("items.10.enableWhen.0.question", "phq9-99", "items[10].enableWhen[0].question", "unknown linkId 'phq9-99'"),
        BrokenDefinitionCase("scoring.scales.0.bands.1.min", 6, "scoring.scales[0].bands[1].min", "gap"),
        BrokenDefinitionCase("scoring.scales.0.bands.2.min", 8, "scoring.scales[0].bands[2].min", "overlaps"),
        BrokenDefinitionCase("scoring.scales.0.bands.4.max", 26, "scoring.scales[0].bands[4].max", "range maximum"),
        BrokenDefinitionCase("scoring.scales.0.range.max", 30, "scoring.scales[0].range", "items give 0.0...27.0"),
        BrokenDefinitionCase("scoring.scales.0.items.3", "phq9-intro", "scoring.scales[0].items[3]", "no numeric answer values"),
        BrokenDefinitionCase("scoring.scales.0.reversedItems", ["phq9-10"], "scoring.scales[0].reversedItems[0]", "not an item of this scale"),
        BrokenDefinitionCase("scoring.primaryScale", "grand-total", "scoring.primaryScale", "not a scale id"),
        BrokenDefinitionCase("scoring.scales.0.missing.maxMissing", 9, "scoring.scales[0].missing.maxMissing", "below the number of items"),
        BrokenDefinitionCase("scoring.scales.0.caseness.threshold", 40, "scoring.scales[0].caseness.threshold", "outside the score range"),
        BrokenDefinitionCase("scoring.scales.0.reliableChange", ["source": "x", "reliability": 0.8], "scoring.scales[0].reliableChange", "both reliability and standardDeviation"),
        BrokenDefinitionCase("riskRules.0.conditions.0.answerCode", "9", "riskRules[0].conditions[0]", "exactly one of"),
        BrokenDefinitionCase("items.1.answerOptions.1.code", "0", "items[1].answerOptions", "unique"),
        BrokenDefinitionCase("items.1.type", "slider", "items[1].type", "Cannot initialize ItemType"),
        BrokenDefinitionCase("title", nil, "title", "is missing"),
        BrokenDefinitionCase("id", "phq-nine", "id", "does not match the file name"),
    ])
    func brokenFixture(_ broken: BrokenDefinitionCase) throws {
        // setup
        let object = MeasurementFixtures.setting(broken.value, at: broken.path, in: try MeasurementFixtures.jsonObject("phq-9"))
        // act
        let issues = try MeasurementFixtures.issues(loading: object, file: "phq-9.json")
        // verify
        let match = issues.first { $0.path == broken.expectedPath && $0.message.contains(broken.expectedMessage) }
        #expect(match != nil, "got \(issues)")
        #expect(match?.description.hasPrefix("phq-9.json: \(broken.expectedPath): ") == true)
    }

    @Test("recode tables must cover every answer value and skip logic must point backwards")
    func recodeAndOrder() throws {
        // setup: drop the 7 -> 0 entry of RFQ_c's table, and make item 3 depend on item 5
        let rfqObject = try MeasurementFixtures.jsonObject("rfq-8")
        var scales = try #require((rfqObject["scoring"] as? [String: Any])?["scales"] as? [[String: Any]])
        var recodes = try #require(scales[0]["recodes"] as? [[String: Any]])
        var mapping = try #require(recodes[0]["mapping"] as? [Any])
        mapping.removeLast()
        recodes[0]["mapping"] = mapping
        scales[0]["recodes"] = recodes
        let rfq = MeasurementFixtures.setting(scales, at: "scoring.scales", in: rfqObject)
        let forward = MeasurementFixtures.setting(
            [["question": "cssrs-5", "operator": "=", "answerCode": "yes"]], at: "items.2.enableWhen",
            in: try MeasurementFixtures.jsonObject("c-ssrs-screener"))
        // act
        let rfqIssues = try MeasurementFixtures.issues(loading: rfq, file: "rfq-8.json")
        let orderIssues = try MeasurementFixtures.issues(loading: forward, file: "c-ssrs-screener.json")
        // verify
        #expect(rfqIssues.contains { $0.path == "scoring.scales[0].recodes[0].mapping" && $0.message.contains("value 7.0") })
        #expect(orderIssues.map(\.path) == ["items[2].enableWhen[0].question"])
        #expect(orderIssues.first?.message.contains("earlier") == true)
    }

    @Test("malformed JSON and duplicate ids across files are reported")
    func malformedAndDuplicate() throws {
        let phq = try JSONEncoder().encode(MeasurementFixtures.definition("phq-9"))
        let error = #expect(throws: InstrumentCatalogError.self) {
            try InstrumentCatalog.load(files: [("broken.json", Data("{\"id\": ".utf8)), ("phq-9.json", phq), ("phq-9.json", phq)])
        }
        let issues = error?.issues ?? []
        #expect(issues.count == 2)
        #expect(issues.first?.file == "broken.json")
        #expect(issues.last?.message.contains("defined twice") == true)
        #expect(error?.description.contains("broken.json: (root):") == true)
    }
}

/// One broken-fixture case: set `value` at `path` and expect an issue at `expectedPath`.
struct BrokenDefinitionCase: CustomTestStringConvertible, Sendable {
    let path: String
    let valueJSON: String
    let expectedPath: String
    let expectedMessage: String

    init(_ path: String, _ value: Any?, _ expectedPath: String, _ expectedMessage: String) {
        self.path = path
        if let value, let data = try? JSONSerialization.data(withJSONObject: [value], options: [.fragmentsAllowed]) {
            valueJSON = String(decoding: data, as: UTF8.self)
        } else {
            valueJSON = "null"
        }
        self.expectedPath = expectedPath
        self.expectedMessage = expectedMessage
    }

    /// The value to write; nil removes the field.
    var value: Any? {
        guard let array = try? JSONSerialization.jsonObject(with: Data(valueJSON.utf8)) as? [Any] else { return nil }
        return array.first
    }

    var testDescription: String { "\(path) -> \(expectedPath)" }
}
