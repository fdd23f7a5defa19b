/**
 * parkscore's public API: what notebooks, reports and other programs import. The CLI and notebooks
 * import only from here, so everything below may be reorganised without breaking them.
 */
export { ParkscoreError, MethodError, formatProblem, type Problem, type Warning, type Location } from "./errors.js";
export { loadScheme, parseScheme, label, type LoadedScheme } from "./scheme/load.js";
export type * from "./scheme/types.js";
export { readFrame, formatOf, FORMATS, type Format } from "./data/read.js";
export type { Frame, ReadSpec } from "./data/frame.js";
export { scorePeriod, SCORE_DECIMALS, preparePeriod, scorePrepared, type PreparedPeriod, type ScoreOptions } from "./score/period.js";
export { resultTable, formatReasons } from "./score/table.js";
export type { PeriodResult, Status, Reason, TreatedValue } from "./score/types.js";
export type { IndicatorWeight } from "./score/weights/types.js";
export { averageRanks, spearman, weightedSpearman, wsSimilarity } from "./sensitivity/rank-correlation.js";
export { compareMethods, withAggregation, comparisonTable, agreementTable, type MethodComparison, type RankAgreement } from "./sensitivity/compare.js";
export { buildPanel, panelRows, type Panel, type PeriodScores } from "./dynamic/panel.js";
export { evaluateDynamic, type DynamicOptions, type DynamicResult } from "./dynamic/evaluate.js";
export { movement, scoreTrend, type Movement, type PeriodMovement, type MovementOptions } from "./dynamic/movement.js";
export { transitions, type Transitions } from "./dynamic/transitions.js";
export { initDataset, openDataset, listPeriods, listRevisions, latestRevision, importPeriod, readStoredPeriod, type Imported, type Revision } from "./store/dataset.js";
export { scoreStored, listRuns, latestRun, readRun, type ScoredRun, type StoredRun } from "./store/runs.js";
export { periodsBetween, loadWindow, windowCube, type WindowPeriod } from "./store/window.js";
export { loadPeriodInput, type PeriodInput, type PeriodInputOptions } from "./store/input.js";
export { escapeHtml } from "./charts/escape.js";
export { periodResult, type StoredPeriodResult } from "./store/results.js";
export { loadStandard } from "./store/standards.js";
export { screen, decisionTable, checksTable, type Screening } from "./admission/screen.js";
export { decide, DECISION_LABELS, type Decision, type ApplicantDecision } from "./admission/decision.js";
export { applicantsFromFrame, applicantSpec } from "./admission/applicants.js";
export type { Standard, Check } from "./admission/standards.js";
export type { Applicant, CheckResult } from "./admission/checks.js";
export { contractBreaches, importContracts, readContracts, type CommitmentReport } from "./store/contracts.js";
export { evaluateCommitments, breaches, type Contract, type ContractResult } from "./admission/commitments.js";
export { panelTable, longTable, type PanelTable, type PanelTableOptions } from "./store/panel-table.js";
export { indicatorDistributions, type IndicatorDistribution } from "./charts/distribution.js";
export { spreadLabels } from "./charts/labels.js";
export { analyseSensitivity, sobolTable, type SensitivityResult, type SensitivityOptions, type SobolRow } from "./sensitivity/analysis.js";
export { rankIntervals, intervalsTable, type RankIntervals } from "./sensitivity/intervals.js";
export { leaveOneOut, leaveOneOutTable, type LeaveOneOut } from "./sensitivity/leave-one-out.js";
export { sobolIndices, sobolWithBootstrap, type SobolEstimate } from "./sensitivity/sobol.js";
export { rankIntervalSpec, rankIntervalData, type RankIntervalDatum } from "./charts/rank-intervals.js";
export type { Uncertainty } from "./scheme/uncertainty-schema.js";
export { uncertaintyFor, factorsOf, type UncertaintyFlags } from "./sensitivity/uncertainty.js";
