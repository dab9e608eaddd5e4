import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing

/// The therapist's diary page as a query function, without HTTP: only what the patient shared
/// (not private, not drafts, not deleted), newest first, with the "bring to next session" marks.
@Suite struct PatientDiaryPageTests {
    @Test func theCareTeamSeesOnlySharedFinishedEntriesWithTheirMarks() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: a fresh patient's entries of every kind
            let devon = DemoPatients.all[3]
            let store = DiaryStore(database: app.db, now: app.clock.now())
            func write(_ text: String, _ visibility: DiaryVisibility, draft: Bool = false) async throws -> DiaryEntryRecord {
                var entry = DiaryEntry(whatHappened: text)
                entry.visibility = visibility
                return try await store.save(entry, draft: draft, key: UUID(), patientID: devon.id, author: devon.userID, existing: nil)
            }
            let before = try await PatientDiaryPage.entries(store, patientID: devon.id, zone: try ClinicZone("Europe/London")).count
            let shared = try await write("Shared after the group.", .sharedWithTherapist)
            _ = try await write("Only for me.", .private)
            _ = try await write("Not finished yet.", .sharedWithTherapist, draft: true)
            try await store.delete(try await write("Shared, then deleted.", .sharedWithTherapist))
            #expect(try await store.setBrought(true, entryID: try shared.requireID(), patientID: devon.id, therapistID: DemoStaff.therapistBirch.id))
            // act
            let entries = try await PatientDiaryPage.entries(store, patientID: devon.id, zone: try ClinicZone("Europe/London"))
            // verify
            #expect(entries.count == before + 1)
            let first = try #require(entries.first)
            #expect(first.id == shared.id?.uuidString && first.flagged)
            #expect(first.sections.map(\.text).contains("Shared after the group."))
        }
    }

    @Test func onlyASharedEntryCanBeBroughtToASession() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let devon = DemoPatients.all[3]
            let store = DiaryStore(database: app.db, now: app.clock.now())
            var entry = DiaryEntry(whatHappened: "Private thoughts.")
            entry.visibility = .private
            let record = try await store.save(entry, draft: false, key: UUID(), patientID: devon.id, author: devon.userID, existing: nil)
            // act
            let marked = try await store.setBrought(true, entryID: try record.requireID(), patientID: devon.id, therapistID: DemoStaff.therapistBirch.id)
            // verify
            #expect(!marked)
            #expect(try await store.brought(patientID: devon.id, therapistID: DemoStaff.therapistBirch.id).isEmpty)
        }
    }
}
