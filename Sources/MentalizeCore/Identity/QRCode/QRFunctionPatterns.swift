/// Draws the fixed parts of a QR symbol: finders, separators, timing, alignment, dark module,
/// and the format and version information.
enum QRFunctionPatterns {
    static func draw(on matrix: inout QRMatrix, version: QRVersion) {
        let size = matrix.size
        for index in 0..<size {
            matrix.setFunction(x: 6, y: index, dark: index % 2 == 0)
            matrix.setFunction(x: index, y: 6, dark: index % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] { drawFinder(on: &matrix, centreX: x, centreY: y) }
        let centres = version.alignmentCentres
        for x in centres {
            for y in centres {
                let overlapsFinder = (x == 6 && y == 6) || (x == 6 && y == size - 7) || (x == size - 7 && y == 6)
                if !overlapsFinder { drawAlignment(on: &matrix, centreX: x, centreY: y) }
            }
        }
        drawFormat(on: &matrix, mask: 0)
        drawVersion(on: &matrix, version: version)
    }

    /// A 7x7 finder with its light separator ring.
    private static func drawFinder(on matrix: inout QRMatrix, centreX: Int, centreY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let distance = max(abs(dx), abs(dy))
                matrix.setFunction(x: centreX + dx, y: centreY + dy, dark: distance != 2 && distance != 4)
            }
        }
    }

    private static func drawAlignment(on matrix: inout QRMatrix, centreX: Int, centreY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                matrix.setFunction(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// The 15 format bits for level M and `mask`: BCH(15,5) with generator 0x537, XOR 0x5412.
    static func formatBits(mask: Int) -> Int {
        let data = (0b00 << 3) | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return ((data << 10) | (remainder & 0x3FF)) ^ 0x5412
    }

    /// Writes both copies of the format information and the dark module.
    static func drawFormat(on matrix: inout QRMatrix, mask: Int) {
        let bits = formatBits(mask: mask)
        let size = matrix.size
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { matrix.setFunction(x: 8, y: index, dark: bit(index)) }
        matrix.setFunction(x: 8, y: 7, dark: bit(6))
        matrix.setFunction(x: 8, y: 8, dark: bit(7))
        matrix.setFunction(x: 7, y: 8, dark: bit(8))
        for index in 9..<15 { matrix.setFunction(x: 14 - index, y: 8, dark: bit(index)) }
        for index in 0..<8 { matrix.setFunction(x: size - 1 - index, y: 8, dark: bit(index)) }
        for index in 8..<15 { matrix.setFunction(x: 8, y: size - 15 + index, dark: bit(index)) }
        matrix.setFunction(x: 8, y: size - 8, dark: true)
    }

    /// The 18 version bits (versions 7 and up): BCH(18,6) with generator 0x1F25.
    static func versionBits(_ number: Int) -> Int {
        var remainder = number
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return (number << 12) | (remainder & 0xFFF)
    }

    private static func drawVersion(on matrix: inout QRMatrix, version: QRVersion) {
        guard version.number >= 7 else { return }
        let bits = versionBits(version.number)
        for index in 0..<18 {
            let isDark = (bits >> index) & 1 == 1
            let across = matrix.size - 11 + index % 3
            let down = index / 3
            matrix.setFunction(x: across, y: down, dark: isDark)
            matrix.setFunction(x: down, y: across, dark: isDark)
        }
    }
}
