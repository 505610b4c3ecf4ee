/**
 * The review round (预算绩效审核 → 退回修改 → 再次报送), pure: checked files in, the round's
 * picture, plans for the consolidated and feedback workbooks, and the JSON part out.
 * Used by `jixiao check` with several files, and by the pane and the standalone page.
 */
export { consolidate, matchKey } from "./consolidate";
export { summaryWorkbookPlan, feedbackWorkbooks, statusWord, statusChoices, safeFileName, type FeedbackWorkbook, type RoundSheetOptions } from "./sheets";
export { previousFromReport, previousFromSummary, PreviousRoundError } from "./previous";
export { roundReport } from "./report";
export { acceptFinding, revokeAcceptance, readAccepted, acceptedStatePlan, matchAcceptance, acceptanceIndex, ReasonRequiredError, ACCEPTED_KEY, AcceptanceSchema, type Acceptance } from "./accepted";
export { findingFingerprint, findingSubject, fingerprintFindings } from "./fingerprint";
export { fileDepartment, departmentOf, toWan } from "./files";
export { X_RULES } from "./rules";
export type * from "./types";
