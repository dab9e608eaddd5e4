/// Turns an item's raw answer value into the value a scale counts: reversed, recoded or as is.
struct ItemTransform {
    let item: InstrumentItem
    let scale: ScaleDefinition

    /// The scale value for `raw`, or nil when a recode table has no entry for it.
    func apply(_ raw: Double) -> Double? {
        if let table = scale.recodes?.first(where: { $0.items.contains(item.linkId) }) {
            return table.recode(raw)
        }
        if scale.reversedItems?.contains(item.linkId) == true, let bounds = item.valueBounds {
            return bounds.lowerBound + bounds.upperBound - raw
        }
        return raw
    }

    /// Every raw value an answer to the item can carry.
    var possibleRawValues: [Double] {
        switch item.type {
        case .choice:
            return (item.answerOptions ?? []).map(\.value)
        case .integer:
            guard let low = item.minValue, let high = item.maxValue, low <= high else { return [] }
            return (low...high).map(Double.init)
        case .display, .group:
            return []
        }
    }

    /// Lowest and highest scale value, or nil when some raw value cannot be transformed.
    var transformedBounds: ClosedRange<Double>? {
        let values = possibleRawValues.map(apply)
        let mapped = values.compactMap { $0 }
        guard mapped.count == values.count, let low = mapped.min(), let high = mapped.max() else { return nil }
        return low...high
    }
}
