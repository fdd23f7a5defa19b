/** The commented scheme that `parkscore init` writes: a working 亩均 evaluation to edit. */
export const SCHEME_TEMPLATE = `# parkscore scheme — the evaluation of this dataset. The format: docs/scheme.md.
# Edit the column names to your spreadsheet's headers (columns:), the indicators, weights and grades.
title: { zh: 企业亩均效益综合评价, en: Per-mu benefit evaluation }

id: code            # the enterprise key column (after the header map below)
name: name          # the enterprise name column

# Your spreadsheet's headers → the names used in this file.
columns:
  企业代码: code
  企业名称: name
  用地面积(亩): land_mu
  税收(万元): tax
  工业增加值(万元): value_added
  综合能耗(吨标准煤): energy_tce

# Or, when each department delivers its own file keyed by the credit code, describe the files instead
# of columns: and import each with --source (docs/scheme.md, "Department files"):
# sources:
#   - { id: participants, participants: true, key: 统一社会信用代码, columns: { 企业名称: name } }
#   - { id: land, key: 统一社会信用代码, columns: { 用地面积(亩): land_mu }, combine: sum }
#   - { id: tax, key: 统一社会信用代码, columns: { 税收(万元): tax } }
#   - { id: stats, key: 统一社会信用代码, columns: { 工业增加值(万元): value_added } }
#   - { id: energy, key: 统一社会信用代码, columns: { 综合能耗(吨标准煤): energy_tce }, combine: sum }

indicators:
  - id: tax_per_mu
    label: { zh: 亩均税收, en: Tax per mu }
    unit: 万元/亩
    formula: tax / land_mu
    direction: benefit
    weight: 0.5
    # 亩均 practice: the ratio to the period's mean, capped (docs/methods.md §1).
    normalize: { method: benchmark-ratio, benchmark: mean, cap: 2 }
  - id: va_per_mu
    label: { zh: 亩均增加值, en: Value added per mu }
    unit: 万元/亩
    formula: value_added / land_mu
    direction: benefit
    weight: 0.3
    normalize: { method: benchmark-ratio, benchmark: mean, cap: 2 }
  - id: va_per_energy
    label: { zh: 单位能耗增加值, en: Value added per tonne of coal equivalent }
    unit: 万元/吨标准煤
    formula: value_added / energy_tce
    direction: benefit
    weight: 0.2
    normalize: { method: benchmark-ratio, benchmark: mean, cap: 2 }

# Who is graded; the others are listed as not graded, with this reason.
eligible:
  when: land_mu >= 3
  reason: { zh: 用地不足3亩, en: under 3 mu }

missing: worst      # worst | mean-score | zero | exclude

aggregation: { method: weighted-sum, scale: 100 }

# Grades by rank percentile (Huai'an: A 20%, B 40%, C 35%, D 5%).
grading:
  method: quotas
  quotas: { A: 0.2, B: 0.4, C: 0.35, D: 0.05 }
  veto: D
`;
