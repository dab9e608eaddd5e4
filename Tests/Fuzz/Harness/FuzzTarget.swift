import Crypto
import Foundation
@testable import MentalizeApp
import MentalizeCore

/// The parsers that read untrusted input, each as a function of raw bytes that must return
/// (never trap) whatever the bytes are. libFuzzer drives one at a time (`scripts/fuzz`); the
/// replay build runs every saved input through all of them on each test run.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// A form body: every post's fields.
    case formBody
    /// Questionnaire answers, against every item of every bundled instrument.
    case answers
    /// A diary form: fields → entry → validation, reflection and the risk-language screen.
    case diary
    /// The mentalizing analyzer and its tokenizer on free text.
    case analyzer
    /// A backup file, read and checked as restore does.
    case backup

    func run(_ bytes: [UInt8]) {
        switch self {
        case .formBody:
            for field in FormBody(bytes).fields { _ = (field.name.utf8.count, field.value.unicodeScalars.count) }
        case .answers:
            let text = String(decoding: bytes, as: UTF8.self)
            for item in Self.items { _ = AnswerParser.parse(text, for: item) }
        case .diary:
            let fields = Dictionary(FormBody(bytes).fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            let (entry, _) = DiaryForm(fields).entry()
            _ = entry.validationErrors
            _ = DiaryReflector().reflect(entry)
            _ = RiskLanguageScreen().screen(DiaryAnalyzerText(entry: entry).text)
        case .analyzer:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = Self.mentalizingAnalyzer.analyze(text)
            _ = RiskLanguageScreen().screen(text)
        case .backup:
            Self.readBackup(bytes)
        }
    }

    private static let items: [InstrumentItem] = (try? InstrumentCatalog.loadBundled())?.definitions.flatMap(\.allItems) ?? []
    private static let mentalizingAnalyzer = MentalizingAnalyzer()
    /// The key the backup inputs are read with (fixed, so saved inputs replay alike).
    private static let backupKey = SymmetricKey(data: Data(repeating: 7, count: 32))
    private static let backupFile = FileManager.default.temporaryDirectory.appendingPathComponent("mentalize-fuzz-\(getpid()).backup")

    private static func readBackup(_ bytes: [UInt8]) {
        guard FileManager.default.createFile(atPath: backupFile.path, contents: Data(bytes)) else { return }
        let reader = BackupReader(secretKey: backupKey, appliedMigrations: MigrationCatalog.names)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            _ = try? await reader.verify(backupFile)
            done.signal()
        }
        done.wait()
    }
}
