import Testing
@testable import MentalizeCore

@Suite("Word table")
struct WordTableTests {
    @Test("finds every stored word, misses others, and survives a full table of near neighbours")
    func lookUps() {
        // setup
        var entries: [String: Int] = [:]
        for number in 0..<500 { entries["word\(number)"] = number }
        entries["didn't"] = -1
        entries["naïve"] = -2
        // act
        let table = WordTable(entries)
        // verify
        for (word, value) in entries { #expect(table[word] == value) }
        #expect(table["word500"] == nil)
        #expect(table[""] == nil)
        #expect(table["naive"] == nil)
    }
}
