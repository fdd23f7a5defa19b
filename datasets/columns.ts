/** The columns of a generated period, in file order: their keys, Chinese and English headers, units and precision. */
export type ColumnKind = 'id' | 'name' | 'text' | 'number';

export interface ColumnSpec {
  /** the key in PanelPeriod (ids / names / texts / numbers) and the English header */
  key: string;
  /** the Chinese header written to files */
  zh: string;
  en: string;
  unit?: string;
  kind: ColumnKind;
  /** decimals kept for numbers (0 = integer) */
  decimals?: number;
}

/** Every column the generator writes, in file order. */
export const COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', zh: '企业代码', en: 'unified social credit code', kind: 'id' },
  { key: 'name', zh: '企业名称', en: 'enterprise name', kind: 'name' },
  { key: 'park', zh: '所属园区', en: 'park', kind: 'text' },
  { key: 'industry', zh: '行业代码', en: 'GB/T 4754-2017 division', kind: 'text' },
  { key: 'industry_name', zh: '行业名称', en: 'industry name', kind: 'text' },
  { key: 'size', zh: '规模', en: 'size class: 规上 at or above the statistical revenue threshold, 规下 below', kind: 'text' },
  { key: 'land_mu', zh: '用地面积(亩)', en: 'land area', unit: '亩', kind: 'number', decimals: 2 },
  { key: 'fixed_investment', zh: '固定资产投资(万元)', en: 'fixed-asset investment (cumulative)', unit: '万元', kind: 'number', decimals: 2 },
  { key: 'revenue', zh: '营业收入(万元)', en: 'operating revenue', unit: '万元', kind: 'number', decimals: 2 },
  { key: 'tax', zh: '税收(万元)', en: 'taxes paid', unit: '万元', kind: 'number', decimals: 2 },
  { key: 'value_added', zh: '工业增加值(万元)', en: 'value added', unit: '万元', kind: 'number', decimals: 2 },
  { key: 'employees', zh: '从业人员(人)', en: 'employees', unit: '人', kind: 'number', decimals: 0 },
  { key: 'rd_expense', zh: '研发经费(万元)', en: 'R&D expenditure', unit: '万元', kind: 'number', decimals: 2 },
  { key: 'invention_patents', zh: '有效发明专利(件)', en: 'valid invention patents', unit: '件', kind: 'number', decimals: 0 },
  { key: 'high_tech', zh: '高新技术企业', en: 'high-tech enterprise (0/1)', kind: 'number', decimals: 0 },
  { key: 'energy_tce', zh: '综合能耗(吨标准煤)', en: 'total energy use', unit: '吨标准煤', kind: 'number', decimals: 2 },
  { key: 'electricity', zh: '用电量(万千瓦时)', en: 'electricity use', unit: '万千瓦时', kind: 'number', decimals: 2 },
  { key: 'water', zh: '用水量(万吨)', en: 'water use', unit: '万吨', kind: 'number', decimals: 3 },
  { key: 'emissions', zh: '主要污染物排放(吨)', en: 'main pollutants (COD+SO2+NH3-N+NOx)', unit: '吨', kind: 'number', decimals: 3 },
  { key: 'safety_incidents', zh: '安全事故(起)', en: 'safety incidents', unit: '起', kind: 'number', decimals: 0 },
  { key: 'major_accident', zh: '重大安全事故', en: 'major safety accident (0/1)', kind: 'number', decimals: 0 },
  { key: 'env_violations', zh: '环境违法(次)', en: 'environmental violations', unit: '次', kind: 'number', decimals: 0 },
  { key: 'years_in_production', zh: '投产年限(年)', en: 'years in production', unit: '年', kind: 'number', decimals: 0 },
];
