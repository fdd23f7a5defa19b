/**
 * parkscore's public API: what the CLI, the notebooks and other programs import. cli/ and
 * notebooks/runtime/ import only from here (test/api-boundary.test.ts keeps it so), so everything
 * below may be reorganised without breaking them. Loading this module loads no chart, spreadsheet or
 * DOM library: those come with the functions that need them, on first use (`charts()`, the report).
 */

// Problems: the one error a user can cause, and how it prints.
export { ParkscoreError, MethodError, formatProblem, type Problem, type Warning, type Location } from "./errors.js";
export { DynamicError } from "./dynamic/errors.js";
export { isSystemError, systemProblem } from "./system-error.js";
export { printable } from "./printable.js";

// Schemes: the indicators, their weights and methods.
export { loadScheme, parseScheme, label, type LoadedScheme } from "./scheme/load.js";
export { aggregationMethods } from "./scheme/schema.js";
export type * from "./scheme/types.js";
export type { Uncertainty } from "./scheme/uncertainty-schema.js";

// Reading data.
export { readFrame, formatOf, FORMATS, type Format } from "./data/read.js";
export type { Frame, ReadSpec } from "./data/frame.js";

// Scoring one period.
export { scorePeriod, SCORE_DECIMALS, preparePeriod, scorePrepared, type PreparedPeriod, type ScoreOptions } from "./score/period.js";
export { resultTable, formatReasons } from "./score/table.js";
export type { PeriodResult, Status, Reason, TreatedValue } from "./score/types.js";
export type { IndicatorWeight } from "./score/weights/types.js";

// Several periods: panel, dynamic evaluation, movement, warnings.
export { buildPanel, panelRows, type Panel, type PeriodScores } from "./dynamic/panel.js";
export { windowCube, type PeriodValues } from "./dynamic/cube.js";
export { evaluateDynamic, type DynamicOptions, type DynamicResult } from "./dynamic/evaluate.js";
export { movement, scoreTrend, type Movement, type PeriodMovement, type MovementOptions } from "./dynamic/movement.js";
export { transitions, type Transitions } from "./dynamic/transitions.js";
export { solveTimeWeights, type TimeWeights } from "./dynamic/time-weights.js";

// Sensitivity: rank agreement between methods, Monte Carlo, Sobol, leave-one-out.
export { averageRanks, spearman, weightedSpearman, wsSimilarity } from "./sensitivity/rank-correlation.js";
export { compareMethods, withAggregation, comparisonTable, agreementTable, type MethodComparison, type RankAgreement } from "./sensitivity/compare.js";
export { analyseSensitivity, sobolTable, type SensitivityResult, type SensitivityOptions, type SobolRow } from "./sensitivity/analysis.js";
export { rankIntervals, intervalsTable, type RankIntervals } from "./sensitivity/intervals.js";
export { leaveOneOut, leaveOneOutTable, type LeaveOneOut } from "./sensitivity/leave-one-out.js";
export { sobolIndices, sobolWithBootstrap, type SobolEstimate } from "./sensitivity/sobol.js";
export { uncertaintyFor, factorsOf, type UncertaintyFlags } from "./sensitivity/uncertainty.js";

// Admission of applicants and their land-contract commitments.
export { screen, decisionTable, checksTable, type Screening } from "./admission/screen.js";
export { decide, DECISION_LABELS, type Decision, type ApplicantDecision } from "./admission/decision.js";
export { applicantsFromFrame, applicantSpec } from "./admission/applicants.js";
export type { Standard, Check } from "./admission/standards.js";
export type { Applicant, CheckResult } from "./admission/checks.js";
export { evaluateCommitments, breaches, TARGETS, TARGET_LABELS, type Contract, type ContractResult } from "./admission/commitments.js";

// The dataset folder: periods, revisions, runs, contracts, standards.
export { initDataset, openDataset, listPeriods, listRevisions, listSources, latestRevision, importPeriod, readStoredPeriod, type Imported, type Revision, type SourceUse } from "./store/dataset.js";
export { importSource, type ImportedSource } from "./store/source-import.js";
export { intakeToFolder, INTAKE_ITEMS, type IntakeRun, type IntakeItem, type IntakeSummary } from "./store/intake-output.js";
export { scoreStored, listRuns, latestRun, periodRuns, findRun, type ScoredRun, type StoredRun } from "./store/runs.js";
export { readRun, type RunScores, type ReadRunOptions } from "./store/run-scores.js";
export { periodsBetween, loadWindow, type WindowPeriod } from "./store/window.js";
export { loadPeriodInput, type PeriodInput, type PeriodInputOptions } from "./store/input.js";
export { loadDepartmentFiles, type DepartmentFilesInput } from "./store/department-files.js";
export { periodResult, type StoredPeriodResult } from "./store/results.js";
export { loadStandard } from "./store/standards.js";
export { contractBreaches, importContracts, readContracts, type CommitmentReport } from "./store/contracts.js";
export { panelTable, longTable, type PanelTable, type PanelTableOptions } from "./store/panel-table.js";
export type { Swept } from "./store/temporaries.js";

// Writing files: atomically, with provenance.
export { writeFilesAtomically, type OutputFile } from "./store/atomic.js";
export { versions, packageRoot, type Versions } from "./store/provenance.js";
export { sha256 } from "./hash.js";

// Charts and pages. Plot and vega load with `charts()`, not with this module.
export const charts = () => import("./charts/library.js");
export type { VegaLiteSpec } from "./charts/vega.js";
export { FONT_STACK } from "./charts/font.js";
export { html, trusted, joinHtml, htmlOf, isHtml, interpolate, type Html } from "./charts/html.js";
export { htmlPage, type PageSpec } from "./charts/page.js";
export { renumberChartIds } from "./charts/ids.js";
export { indicatorDistributions, type IndicatorDistribution } from "./charts/distribution.js";
export { spreadLabels } from "./charts/labels.js";
export { rankIntervalSpec, rankIntervalData, type RankIntervalDatum } from "./charts/rank-intervals.js";

// Local servers and worker threads (the notebook preview and runs).
export { LOOPBACK, TOKEN_HEADER, isSafeMethod, localGuard, type LocalGuard } from "./http/guard.js";
export { startWorker } from "./worker-thread.js";

// Each command's outputs: compute, then write the folder atomically, in one call.
export { writeRun, writeRunFiles, type RunOutputRequest, type RunManifest, type InputRecord } from "./store/run-output.js";
export { scoreToFolder, type ScoreRequest, type ScoreRun } from "./store/score-output.js";
export { demoPeriod } from "./store/demo.js";
export { validateFiles, type Validation } from "./store/validate.js";
export { dynamicToFolder, type DynamicRequest, type DynamicRun } from "./store/dynamic-output.js";
export { periodAlerts } from "./store/period-alerts.js";
export type { Alert, AlertKind } from "./dynamic/alerts.js";
export { compareToFolder, type CompareRequest } from "./store/compare-output.js";
export { sensitivityToFolder, SensitivityInterrupted, type SensitivityRequest, type SensitivityRun } from "./store/sensitivity-output.js";
export { admitToFolder, type AdmitRequest, type AdmitRun } from "./store/admission-output.js";
export { commitmentsToFolder, STATUS_ZH, type CommitmentsRun } from "./store/commitments-output.js";
export type { ReportRequest, ReportRun } from "./store/report-output.js";

/** The static report of one period (index.html, a card per enterprise, league.xlsx, PDFs). Its charts load on first call. */
export async function reportToFolder(dir: string, period: string, o: import("./store/report-output.js").ReportRequest): Promise<import("./store/report-output.js").ReportRun> {
  return (await import("./store/report-output.js")).reportToFolder(dir, period, o);
}
