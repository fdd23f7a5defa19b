/** The department-intake contract's scheme, with indicators over the merged columns. */
export const INTAKE_SCHEME = `id: code
name: name
carry: [park, industry, size]
sources:
  - id: participants
    participants: true
    label: { zh: 参评名单, en: Participant list }
    key: 统一社会信用代码
    columns: { 企业名称: name, 所在园区: park, 行业代码: industry, 规模: size }
  - id: land
    label: { zh: 自然资源和规划局, en: Natural resources }
    key: 统一社会信用代码
    columns: { 用地面积(亩): land_mu }
    combine: sum
    share: 分摊比例
  - id: power
    label: { zh: 供电公司, en: Power grid }
    key: 统一社会信用代码
    columns: { 用电量(万千瓦时): electricity }
    combine: sum
  - id: tax
    label: { zh: 税务局, en: Tax bureau }
    key: 统一社会信用代码
    columns: { 实缴税金(万元): tax }
  - id: stats
    label: { zh: 统计局, en: Statistics bureau }
    key: 统一社会信用代码
    columns:
      工业增加值(万元): value_added
      主营业务收入(万元): revenue
      从业人员(人): { column: employees, combine: max }
    required: true
  - id: hightech
    label: { zh: 科技局, en: Science and technology bureau }
    key: 统一社会信用代码
    columns: { 证书编号: high_tech }
    combine: any
    required: false
  - A reference, kept as the scheme's provenance
indicators:
  - { id: tax_per_mu, formula: tax / land_mu, direction: benefit, weight: 0.4 }
  - { id: output_per_kwh, formula: value_added / electricity, direction: benefit, weight: 0.3 }
  - { id: productivity, formula: revenue / employees, direction: benefit, weight: 0.3 }
rules:
  adjust:
    - { when: high_tech == 1, points: 3, reason: 高新技术企业 }
grading: { method: quotas, quotas: { A: 0.5, B: 0.5 } }
`;

/** Valid credit codes (GB 32100 check characters computed by hand in test/engine/data/uscc.test.ts's way). */
export const CODE = {
  a: "91350100M000100Y43",
  b: "00000000000000001" + "3",
  c: "0000000000000000A" + "Y",
  d: "00000000000000000" + "0",
  e: "11000000000000000" + "U",
};
