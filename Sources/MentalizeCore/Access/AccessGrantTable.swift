/// The policy table: which actions each basis permits on each record kind, once the basis holds.
/// This is the one place to read when auditing who may do what; `AccessPolicy` only checks whether
/// a basis holds (role + current relationship) and then consults this table.
public enum AccessGrantTable {
    private static let readList: Set<AccessAction> = [.read, .list]
    private static let readListWrite: Set<AccessAction> = [.read, .list, .write]
    private static let readListExport: Set<AccessAction> = [.read, .list, .export]
    private static let writeExport: Set<AccessAction> = [.write, .export]
    private static let all: Set<AccessAction> = Set(AccessAction.allCases)

    /// The actions `basis` permits on `kind` (empty when it permits none).
    public static func actions(for basis: AccessBasis, on kind: RecordKind) -> Set<AccessAction> {
        switch basis {
        case .ownRecord: ownRecord(kind)
        case .ownAccount: kind == .accountData ? [.read] : []
        case .processNoteAuthor: kind == .processNote ? readListWrite : []
        case .namedSupervisor: kind == .processNote ? readList : []
        case .assignedRater: kind == .fidelityRating ? readListWrite : []
        case .ratedTherapist: kind == .fidelityRating ? readListWrite : []
        case .caseload: caseload(kind)
        case .coTherapy: coTherapy(kind)
        case .supervision: supervision(kind)
        case .programmeRoster: programmeRoster(kind)
        case .accountAdministration: kind == .accountData ? readListWrite : []
        case .breakGlass: breakGlass(kind)
        }
    }

    private static func ownRecord(_ kind: RecordKind) -> Set<AccessAction> {
        switch kind {
        case .demographics, .formulation, .crisisPlan: readListExport
        case .measureResponse, .formulationResponse, .sharedDiaryEntry, .message, .privateDiaryEntry: all
        case .selfReport: writeExport
        case .riskAlert, .clinicalEvent, .sessionNote, .noteReview, .fidelityRating, .processNote, .accountData: []
        }
    }

    /// Programme leads see the roster, answer risk alerts (unacknowledged ones escalate to them),
    /// and list rated material to ask second raters (agreement they see as aggregates only).
    private static func programmeRoster(_ kind: RecordKind) -> Set<AccessAction> {
        switch kind {
        case .demographics: readList
        case .riskAlert: readListWrite
        case .fidelityRating: [.list, .write]
        default: []
        }
    }

    private static func caseload(_ kind: RecordKind) -> Set<AccessAction> {
        switch kind {
        case .demographics, .measureResponse, .riskAlert, .clinicalEvent, .sessionNote, .formulation, .crisisPlan, .message: all
        case .sharedDiaryEntry, .formulationResponse: readListExport
        case .noteReview: readList
        case .selfReport, .processNote, .fidelityRating, .privateDiaryEntry, .accountData: []
        }
    }

    /// Co-therapists manage risk in the group: they read their members' crisis plans, not edit them.
    private static func coTherapy(_ kind: RecordKind) -> Set<AccessAction> {
        switch kind {
        case .demographics, .crisisPlan: readList
        case .measureResponse, .riskAlert, .clinicalEvent, .sessionNote: readListWrite
        case .noteReview: readList
        case .formulation, .formulationResponse, .selfReport, .sharedDiaryEntry, .message, .processNote, .fidelityRating, .privateDiaryEntry, .accountData: []
        }
    }

    /// Supervisors read their supervisees' patients' records and write only their reviews of the
    /// supervisees' notes.
    private static func supervision(_ kind: RecordKind) -> Set<AccessAction> {
        switch kind {
        case .demographics, .measureResponse, .riskAlert, .clinicalEvent, .sessionNote, .formulation, .crisisPlan, .formulationResponse, .sharedDiaryEntry, .message: readList
        case .noteReview: readListWrite
        case .fidelityRating: readList
        case .selfReport, .processNote, .privateDiaryEntry, .accountData: []
        }
    }

    private static func breakGlass(_ kind: RecordKind) -> Set<AccessAction> {
        switch kind {
        case .demographics, .measureResponse, .formulation, .crisisPlan, .formulationResponse, .sharedDiaryEntry, .message: readList
        case .riskAlert, .clinicalEvent, .sessionNote: readListWrite
        case .noteReview: readList
        case .selfReport, .processNote, .fidelityRating, .privateDiaryEntry, .accountData: []
        }
    }
}
