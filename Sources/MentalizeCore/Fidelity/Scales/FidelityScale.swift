import Foundation

/// A fidelity rating scale as a definition, like an instrument: items with an id, a short label,
/// whether each is rated for adherence (was it done) and/or quality (how well), the scale's range
/// and the anchors. The MBT scales are published in manuals that may not be copied: their
/// definitions ship with placeholder labels (`textsShippable` false) and a clinic loads its
/// licensed wording as a text pack.
public struct FidelityScale: Codable, Sendable, Equatable, Identifiable {
    public struct Item: Codable, Sendable, Equatable {
        public let id: String
        public var label: String
        public var adherence: Bool
        public var quality: Bool
        /// Words for some points of the range, keyed by the point ("1", "4", "7").
        public var anchors: [String: String]
    }

    public let id: String
    public let title: String
    /// Where the structure comes from.
    public let source: String
    public let textsShippable: Bool
    public let minimum: Int
    public let maximum: Int
    /// The point the anchors are written around ("good enough"), when the scale has one.
    public let goodEnough: Int?
    public private(set) var items: [Item]

    /// What is wrong with the definition (empty when nothing is).
    public func problems() -> [String] {
        var problems: [String] = []
        if id.isEmpty || title.isEmpty { problems.append("a scale needs an id and a title") }
        if minimum >= maximum { problems.append("\(id): the range must run from a lower to a higher point") }
        if let goodEnough, !(minimum...maximum).contains(goodEnough) { problems.append("\(id): the good-enough point is outside the range") }
        if items.isEmpty { problems.append("\(id): no items") }
        if Set(items.map(\.id)).count != items.count { problems.append("\(id): item ids must be unique") }
        for item in items {
            if !item.adherence && !item.quality { problems.append("\(id) \(item.id): rated for neither adherence nor quality") }
            for point in item.anchors.keys where Int(point).map({ !(minimum...maximum).contains($0) }) ?? true {
                problems.append("\(id) \(item.id): anchor '\(point)' is not a point of the range")
            }
        }
        return problems
    }

    /// The scale with a clinic's licensed wording (and, where the manual says so, which items are
    /// rated for quality only). Every item of the pack must be an item of the scale.
    public func applying(_ pack: FidelityTextPack) throws(FidelityScaleError) -> FidelityScale {
        guard pack.scaleID == id else { throw .packForAnotherScale(pack.scaleID) }
        let known = Set(items.map(\.id))
        if let stray = pack.items.keys.sorted().first(where: { !known.contains($0) }) { throw .unknownItem(stray) }
        var scale = self
        scale.items = items.map { item in
            guard let text = pack.items[item.id] else { return item }
            return Item(id: item.id, label: text.label, adherence: text.adherence ?? item.adherence, quality: text.quality ?? item.quality,
                        anchors: text.anchors ?? item.anchors)
        }
        let problems = scale.problems()
        guard problems.isEmpty else { throw .invalid(problems) }
        return scale
    }
}

/// A clinic's licensed wording for a fidelity scale, by item id.
public struct FidelityTextPack: Codable, Sendable, Equatable {
    public struct ItemText: Codable, Sendable, Equatable {
        public let label: String
        public var adherence: Bool?
        public var quality: Bool?
        public var anchors: [String: String]?
    }

    public let scaleID: String
    public let items: [String: ItemText]
}

/// Why a scale or a text pack cannot be used.
public enum FidelityScaleError: Error, Equatable, Sendable {
    case packForAnotherScale(String)
    case unknownItem(String)
    case invalid([String])
}

/// The fidelity scales shipped with Mentalize (one JSON file each), checked on loading.
public enum FidelityScaleCatalog {
    public static func loadBundled() throws -> [FidelityScale] {
        guard let folder = Bundle.module.url(forResource: "FidelityScales", withExtension: nil, subdirectory: "Resources") else {
            throw FidelityScaleError.invalid(["Resources/FidelityScales: folder not found in the bundle"])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        let scales = try names.map { try JSONDecoder().decode(FidelityScale.self, from: Data(contentsOf: folder.appendingPathComponent($0))) }
        let problems = scales.flatMap { $0.problems() }
        guard problems.isEmpty else { throw FidelityScaleError.invalid(problems) }
        return scales
    }
}
