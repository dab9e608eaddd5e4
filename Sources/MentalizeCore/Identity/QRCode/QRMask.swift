/// The eight QR data masks and the penalty score used to choose between them.
enum QRMask {
    /// True when mask `pattern` inverts the module at column `x`, row `y`.
    static func inverts(_ pattern: Int, x: Int, y: Int) -> Bool {
        switch pattern {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (x * y) % 2 + (x * y) % 3 == 0
        case 6: ((x * y) % 2 + (x * y) % 3) % 2 == 0
        default: ((x + y) % 2 + (x * y) % 3) % 2 == 0
        }
    }

    /// Applies mask `pattern` to every data module.
    static func apply(_ pattern: Int, to matrix: inout QRMatrix) {
        for y in 0..<matrix.size {
            for x in 0..<matrix.size where !matrix.isFunctionModule(x: x, y: y) && inverts(pattern, x: x, y: y) {
                matrix.flip(x: x, y: y)
            }
        }
    }

    /// The ISO/IEC 18004 penalty: long runs, 2x2 blocks, finder-like patterns and dark/light balance.
    static func penalty(of matrix: QRMatrix) -> Int {
        let size = matrix.size
        var score = 0
        for line in 0..<size {
            score += linePenalty((0..<size).map { matrix.isDark(x: $0, y: line) })
            score += linePenalty((0..<size).map { matrix.isDark(x: line, y: $0) })
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = matrix.isDark(x: x, y: y)
                if matrix.isDark(x: x + 1, y: y) == colour, matrix.isDark(x: x, y: y + 1) == colour,
                   matrix.isDark(x: x + 1, y: y + 1) == colour {
                    score += 3
                }
            }
        }
        var darkCount = 0
        for y in 0..<size { for x in 0..<size where matrix.isDark(x: x, y: y) { darkCount += 1 } }
        let percent = darkCount * 100 / (size * size)
        score += abs(percent - 50) / 5 * 10
        return score
    }

    private static let finderLike: [[Bool]] = [
        [true, false, true, true, true, false, true, false, false, false, false],
        [false, false, false, false, true, false, true, true, true, false, true],
    ]

    /// Runs of five or more (3 + extra length) and finder-like 1:1:3:1:1 patterns (40 each) in one line.
    private static func linePenalty(_ line: [Bool]) -> Int {
        var score = 0
        var runLength = 1
        for index in 1...line.count {
            if index < line.count, line[index] == line[index - 1] {
                runLength += 1
                continue
            }
            if runLength >= 5 { score += 3 + runLength - 5 }
            runLength = 1
        }
        if line.count >= 11 {
            for start in 0...(line.count - 11) where finderLike.contains(Array(line[start..<(start + 11)])) {
                score += 40
            }
        }
        return score
    }
}
