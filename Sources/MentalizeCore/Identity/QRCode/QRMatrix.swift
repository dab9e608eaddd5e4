/// A square grid of modules plus which modules belong to function patterns (not data).
struct QRMatrix: Sendable {
    let size: Int
    private(set) var dark: [Bool]
    private(set) var isFunction: [Bool]

    init(size: Int) {
        self.size = size
        dark = [Bool](repeating: false, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
    }

    func isDark(x: Int, y: Int) -> Bool { dark[y * size + x] }
    func isFunctionModule(x: Int, y: Int) -> Bool { isFunction[y * size + x] }

    /// Sets a function module (finder, timing, alignment, format, version).
    mutating func setFunction(x: Int, y: Int, dark isDark: Bool) {
        guard x >= 0, y >= 0, x < size, y < size else { return }
        dark[y * size + x] = isDark
        isFunction[y * size + x] = true
    }

    /// Sets a data module.
    mutating func setData(x: Int, y: Int, dark isDark: Bool) {
        dark[y * size + x] = isDark
    }

    /// Inverts a data module (used by masks).
    mutating func flip(x: Int, y: Int) {
        dark[y * size + x].toggle()
    }
}
