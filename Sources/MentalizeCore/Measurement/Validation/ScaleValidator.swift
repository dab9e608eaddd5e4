/// Checks one scale: its items, transforms, missing-item rule, range, bands and thresholds.
struct ScaleValidator {
    let definition: InstrumentDefinition
    let scale: ScaleDefinition
    let path: String
    let report: (String, String) -> Void

    func validate() {
        if scale.id.isEmpty { report("\(path).id", "must not be empty") }
        if scale.items.isEmpty { report("\(path).items", "a scale needs at least one item") }
        if Set(scale.items).count != scale.items.count { report("\(path).items", "lists an item twice") }
        let knownItems = checkItems()
        checkTransforms()
        checkMissingRule()
        if scale.range.min > scale.range.max { report("\(path).range", "min is above max") }
        if knownItems { checkComputedRange() }
        checkBands()
        if let caseness = scale.caseness, !scale.range.contains(caseness.threshold) {
            report("\(path).caseness.threshold", "\(caseness.threshold) is outside the score range")
        }
        checkReliableChange()
    }

    private func checkItems() -> Bool {
        var allKnown = true
        for (index, linkId) in scale.items.enumerated() {
            guard let item = definition.item(linkId: linkId) else {
                report("\(path).items[\(index)]", "refers to unknown linkId '\(linkId)'")
                allKnown = false
                continue
            }
            if item.valueBounds == nil {
                report("\(path).items[\(index)]", "'\(linkId)' has no numeric answer values to score")
                allKnown = false
            }
        }
        return allKnown
    }

    private func checkTransforms() {
        for (index, linkId) in (scale.reversedItems ?? []).enumerated() where !scale.items.contains(linkId) {
            report("\(path).reversedItems[\(index)]", "'\(linkId)' is not an item of this scale")
        }
        for (tableIndex, table) in (scale.recodes ?? []).enumerated() {
            let tablePath = "\(path).recodes[\(tableIndex)]"
            if table.mapping.isEmpty { report("\(tablePath).mapping", "must not be empty") }
            for (index, linkId) in table.items.enumerated() {
                let itemPath = "\(tablePath).items[\(index)]"
                guard scale.items.contains(linkId), let item = definition.item(linkId: linkId) else {
                    report(itemPath, "'\(linkId)' is not an item of this scale")
                    continue
                }
                if scale.reversedItems?.contains(linkId) == true {
                    report(itemPath, "'\(linkId)' is both reversed and recoded")
                }
                let unmapped = ItemTransform(item: item, scale: scale).possibleRawValues
                    .filter { table.recode($0) == nil }
                if let first = unmapped.first {
                    report("\(tablePath).mapping", "has no entry for value \(first) of '\(linkId)'")
                }
            }
        }
        let recoded = (scale.recodes ?? []).flatMap(\.items)
        if Set(recoded).count != recoded.count { report("\(path).recodes", "an item is in more than one table") }
    }

    private func checkMissingRule() {
        let rule = scale.missing
        if rule.maxMissing < 0 { report("\(path).missing.maxMissing", "must not be negative") }
        if rule.maxMissing >= max(scale.items.count, 1) {
            report("\(path).missing.maxMissing", "must be below the number of items (\(scale.items.count))")
        }
        if rule.method == .none, rule.maxMissing != 0 {
            report("\(path).missing.maxMissing", "must be 0 when the method is none")
        }
    }

    private func checkComputedRange() {
        var lows: [Double] = []
        var highs: [Double] = []
        for linkId in scale.items {
            guard let item = definition.item(linkId: linkId),
                  let bounds = ItemTransform(item: item, scale: scale).transformedBounds else { return }
            lows.append(bounds.lowerBound)
            highs.append(bounds.upperBound)
        }
        let count = Double(lows.count)
        let low = scale.method == .sum ? lows.reduce(0, +) : lows.reduce(0, +) / count
        let high = scale.method == .sum ? highs.reduce(0, +) : highs.reduce(0, +) / count
        if abs(low - scale.range.min) > 1e-9 || abs(high - scale.range.max) > 1e-9 {
            report("\(path).range", "declared \(scale.range.min)...\(scale.range.max) but the items give \(low)...\(high)")
        }
    }

    private func checkBands() {
        guard let bands = scale.bands else { return }
        let bandsPath = "\(path).bands"
        guard let first = bands.first, let last = bands.last else {
            report(bandsPath, "must not be empty when present")
            return
        }
        if first.min != scale.range.min { report("\(bandsPath)[0].min", "must equal the range minimum \(scale.range.min)") }
        if last.max != scale.range.max {
            report("\(bandsPath)[\(bands.count - 1)].max", "must equal the range maximum \(scale.range.max)")
        }
        for (index, band) in bands.enumerated() {
            if band.label.isEmpty { report("\(bandsPath)[\(index)].label", "must not be empty") }
            if band.min > band.max { report("\(bandsPath)[\(index)]", "min is above max") }
            guard index > 0 else { continue }
            let expected = scale.method == .sum ? bands[index - 1].max + 1 : bands[index - 1].max
            if band.min < expected {
                report("\(bandsPath)[\(index)].min", "overlaps the previous band (expected \(expected))")
            } else if band.min > expected {
                report("\(bandsPath)[\(index)].min", "leaves a gap after the previous band (expected \(expected))")
            }
        }
    }

    private func checkReliableChange() {
        guard let change = scale.reliableChange else { return }
        let changePath = "\(path).reliableChange"
        if let threshold = change.threshold, threshold <= 0 { report("\(changePath).threshold", "must be positive") }
        if let reliability = change.reliability, !(reliability > 0 && reliability < 1) {
            report("\(changePath).reliability", "must be between 0 and 1")
        }
        if let deviation = change.standardDeviation, deviation <= 0 {
            report("\(changePath).standardDeviation", "must be positive")
        }
        if change.threshold == nil, change.reliability == nil || change.standardDeviation == nil {
            report(changePath, "needs a threshold, or both reliability and standardDeviation")
        }
        if change.source.isEmpty { report("\(changePath).source", "must name the source") }
    }
}
