import Foundation
import Testing
@testable import MentalizeCore

@Suite("Text packs")
struct TextPackTests {
    /// A complete pack for MSI-BPD in `language`, with invented texts.
    private func completePack(_ definition: InstrumentDefinition, language: String = "nl") -> TextPack {
        let items = Dictionary(uniqueKeysWithValues: definition.allItems.map { item in
            (item.linkId, ItemTexts(
                text: "Vraag \(item.linkId)",
                options: item.answerOptions.map { options in
                    Dictionary(uniqueKeysWithValues: options.map { ($0.code, "Antwoord \($0.code)") })
                }))
        })
        return TextPack(instrumentId: definition.id, version: definition.version, language: language, items: items)
    }

    @Test("a complete pack validates and makes the instrument showable in its language only")
    func complete() throws {
        // setup
        let msi = try MeasurementFixtures.definition("msi-bpd")
        let pack = completePack(msi)
        // act
        try pack.validate(against: msi)
        let localized = try #require(TextAvailability.completeTexts(msi, language: "nl", packs: [pack]))
        // verify
        #expect(TextAvailability.hasCompleteTexts(msi, language: "nl", packs: [pack]))
        #expect(!TextAvailability.hasCompleteTexts(msi, language: "de", packs: [pack]))
        #expect(!TextAvailability.hasCompleteTexts(msi, language: "en", packs: []))
        #expect(localized.item(linkId: "msi-3")?.text == "Vraag msi-3")
        #expect(localized.item(linkId: "msi-3")?.option(code: "yes")?.display == "Antwoord yes")
        #expect(localized.item(linkId: "msi-3")?.option(code: "yes")?.value == 1)
        #expect(localized.scoring == msi.scoring)
    }

    @Test("PHQ-9 ships complete English texts; BSL-23 has none without a pack")
    func shipped() throws {
        let phq = try MeasurementFixtures.definition("phq-9")
        let bsl = try MeasurementFixtures.definition("bsl-23")
        #expect(TextAvailability.hasCompleteTexts(phq, language: "en", packs: []))
        #expect(!TextAvailability.hasCompleteTexts(phq, language: "nl", packs: []))
        #expect(!TextAvailability.hasCompleteTexts(bsl, language: "en", packs: []))
    }

    @Test("missing, unknown and mismatched entries are all listed")
    func invalid() throws {
        // setup
        let msi = try MeasurementFixtures.definition("msi-bpd")
        let complete = completePack(msi)
        var items = complete.items
        items["msi-3"] = nil
        items["msi-11"] = ItemTexts(text: "Extra")
        items["msi-4"] = ItemTexts(text: "Vraag 4", options: ["yes": "Ja", "maybe": "Misschien"])
        items["msi-5"] = ItemTexts(text: "  ", options: ["yes": "Ja", "no": "Nee"])
        let pack = TextPack(instrumentId: "msi-bpd", version: "2", language: "nl", items: items)
        // act
        let error = #expect(throws: TextPackError.self) { try pack.validate(against: msi) }
        // verify
        #expect(error?.problems == [
            "version '2' does not match the definition's '1'",
            "items.msi-3: missing",
            "items.msi-4.options.no: missing",
            "items.msi-4.options.maybe: not an answer code of this item",
            "items.msi-5.text: must not be empty",
            "items.msi-11: not an item of msi-bpd",
        ])
        #expect(!TextAvailability.hasCompleteTexts(msi, language: "nl", packs: [pack]))
        #expect(TextAvailability.hasCompleteTexts(msi, language: "nl", packs: [pack, complete]))
    }

    @Test("decoding: a round trip works and malformed JSON names the field")
    func decoding() throws {
        let msi = try MeasurementFixtures.definition("msi-bpd")
        let pack = completePack(msi)
        #expect(try TextPack.decode(JSONEncoder().encode(pack)) == pack)
        let error = #expect(throws: TextPackError.self) {
            try TextPack.decode(Data(#"{"instrumentId": "msi-bpd", "version": "1", "items": {}}"#.utf8))
        }
        #expect(error?.problems == ["language: is missing"])
    }
}
