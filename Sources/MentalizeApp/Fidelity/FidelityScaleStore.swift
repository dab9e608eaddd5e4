import Fluent
import Foundation
import MentalizeCore

/// The fidelity scales a clinic can rate with: a shipped scale whose wording may be shipped (the
/// demonstration scale), or a licensed scale once the clinic has loaded its text pack. A scale with
/// placeholder wording is never offered for rating.
struct FidelityScaleStore {
    /// The shipped definitions, read once.
    static let bundled = (try? FidelityScaleCatalog.loadBundled()) ?? []

    let database: any Database

    /// Every scale ready for rating, by id.
    func ratable() async throws -> [String: FidelityScale] {
        let packs = try await FidelityTextPackRecord.query(on: database).all()
        var scales: [String: FidelityScale] = [:]
        for scale in Self.bundled {
            if let record = packs.first(where: { $0.scaleID == scale.id }) {
                let pack = try JSONDecoder().decode(FidelityTextPack.self, from: Data(record.packJSON.utf8))
                scales[scale.id] = try scale.applying(pack)
            } else if scale.textsShippable {
                scales[scale.id] = scale
            }
        }
        return scales
    }

    /// Checks `data` as a text pack for a shipped scale and stores it (replacing an earlier one).
    func importPack(_ data: Data, now: Date) async throws -> FidelityScale {
        let pack: FidelityTextPack
        do {
            pack = try JSONDecoder().decode(FidelityTextPack.self, from: data)
        } catch {
            throw ConfigurationError("not a fidelity text pack: expected {scaleID, items: {itemID: {label, adherence?, quality?, anchors?}}}")
        }
        guard let scale = Self.bundled.first(where: { $0.id == pack.scaleID }) else {
            throw ConfigurationError("no shipped scale is called \(pack.scaleID) (known: \(Self.bundled.map(\.id).joined(separator: ", ")))")
        }
        let missing = Set(scale.items.map(\.id)).subtracting(pack.items.keys)
        if !scale.textsShippable, !missing.isEmpty {
            throw ConfigurationError("the pack must word every item of \(scale.id); missing: \(missing.sorted().joined(separator: ", "))")
        }
        let applied: FidelityScale
        do {
            applied = try scale.applying(pack)
        } catch .unknownItem(let item) {
            throw ConfigurationError("\(item) is not an item of \(scale.id)")
        } catch .invalid(let problems) {
            throw ConfigurationError(problems.joined(separator: "; "))
        } catch {
            throw ConfigurationError("the pack is for another scale")
        }
        let record = try await FidelityTextPackRecord.query(on: database).filter(\.$scaleID == scale.id).first() ?? FidelityTextPackRecord()
        record.scaleID = scale.id
        record.packJSON = String(decoding: data, as: UTF8.self)
        record.importedAt = now
        try await record.save(on: database)
        return applied
    }
}
