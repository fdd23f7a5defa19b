/**
 * The two parks built on the land of Wu'an's retired steel mills, the GB/T 4754-2017 divisions each
 * admits with the medians the generator draws around, and the words enterprise names are made of.
 */
export const PARKS = ['东山创意产业园区', '广耀创新产业园区'] as const;
export type ParkName = (typeof PARKS)[number];

/**
 * GB/T 4754-2017 divisions admitted to each park, with the medians the generator draws around.
 * Magnitudes are calibrated so that the pooled period means land near Huangyan 2022's benchmarks
 * (docs/methods.md §1: 亩均税收 ≈ 24 万元/亩, 亩均增加值 ≈ 136 万元/亩, 单位能耗增加值 ≈ 2.7 万元/tce for industry,
 * 全员劳动生产率 ≈ 18 万元/人, R&D ≈ 3 %). They are plausible, not statistics of real firms.
 */
export interface IndustrySpec {
  code: string;
  name: string;
  /** 0 = 东山创意产业园区, 1 = 广耀创新产业园区 */
  park: 0 | 1;
  /** relative frequency within the park */
  weight: number;
  /** words used in enterprise names */
  words: readonly string[];
  /** median land area, 亩 */
  land: number;
  /** median revenue per 亩 at full production, 万元/亩 */
  revPerMu: number;
  /** median value added / revenue */
  vaRate: number;
  /** median tax / revenue */
  taxRate: number;
  /** median R&D / revenue among firms doing R&D */
  rd: number;
  /** share of firms with no R&D at all */
  rdZero: number;
  /** median value added per tonne of standard coal, 万元/tce */
  ep: number;
  /** median value added per tonne of main pollutants, 万元/t */
  epm: number;
  /** water: 万吨 per tce (manufacturing) or per employee (services) */
  water: number;
  /**
   * Annual revenue (万元) from which a firm of this division is 规模以上 (限额以上 in retail), per the
   * National Bureau of Statistics: industry 2000; information and software services, health 2000;
   * business services, research and technical services, education 1000; retail, social work,
   * culture and entertainment 500.
   */
  sizeRevenue: number;
  /** median value added per employee, 万元/人 */
  lp: number;
}

export const INDUSTRIES: readonly IndustrySpec[] = [
  // 东山创意产业园区: city complex, health & elderly care, culture & creative, new-generation IT
  { code: '52', name: '零售业', park: 0, weight: 0.05, words: ['商贸', '百货', '购物中心'], land: 15, revPerMu: 900, vaRate: 0.12, taxRate: 0.025, rd: 0.005, rdZero: 0.8, ep: 9, epm: 25000, water: 0.004, sizeRevenue: 500, lp: 10 },
  { code: '64', name: '互联网和相关服务', park: 0, weight: 0.13, words: ['网络科技', '互联网科技', '电子商务'], land: 10, revPerMu: 400, vaRate: 0.38, taxRate: 0.06, rd: 0.05, rdZero: 0.1, ep: 14, epm: 40000, water: 0.003, sizeRevenue: 2000, lp: 20 },
  { code: '65', name: '软件和信息技术服务业', park: 0, weight: 0.17, words: ['软件', '信息技术', '数据科技', '云计算科技'], land: 10, revPerMu: 360, vaRate: 0.45, taxRate: 0.065, rd: 0.08, rdZero: 0.08, ep: 15, epm: 40000, water: 0.003, sizeRevenue: 2000, lp: 22 },
  { code: '72', name: '商务服务业', park: 0, weight: 0.12, words: ['企业管理咨询', '广告', '会展服务', '商务咨询'], land: 11, revPerMu: 400, vaRate: 0.4, taxRate: 0.06, rd: 0.01, rdZero: 0.6, ep: 12, epm: 30000, water: 0.003, sizeRevenue: 1000, lp: 16 },
  { code: '73', name: '研究和试验发展', park: 0, weight: 0.05, words: ['技术研究院', '新材料研究院', '生物技术研究院'], land: 10, revPerMu: 260, vaRate: 0.5, taxRate: 0.05, rd: 0.15, rdZero: 0.02, ep: 10, epm: 20000, water: 0.004, sizeRevenue: 1000, lp: 18 },
  { code: '74', name: '专业技术服务业', park: 0, weight: 0.09, words: ['工业设计', '服装设计', '检测技术', '工程设计'], land: 11, revPerMu: 380, vaRate: 0.45, taxRate: 0.06, rd: 0.04, rdZero: 0.3, ep: 12, epm: 30000, water: 0.003, sizeRevenue: 1000, lp: 17 },
  { code: '75', name: '科技推广和应用服务业', park: 0, weight: 0.07, words: ['科技服务', '技术服务', '科技孵化'], land: 11, revPerMu: 300, vaRate: 0.45, taxRate: 0.055, rd: 0.05, rdZero: 0.2, ep: 12, epm: 30000, water: 0.003, sizeRevenue: 1000, lp: 15 },
  { code: '83', name: '教育', park: 0, weight: 0.05, words: ['职业培训学校', '教育科技'], land: 20, revPerMu: 150, vaRate: 0.5, taxRate: 0.03, rd: 0.01, rdZero: 0.6, ep: 8, epm: 20000, water: 0.005, sizeRevenue: 1000, lp: 8 },
  { code: '84', name: '卫生', park: 0, weight: 0.09, words: ['医院', '康复医院', '医疗健康'], land: 25, revPerMu: 300, vaRate: 0.45, taxRate: 0.03, rd: 0.01, rdZero: 0.4, ep: 6, epm: 8000, water: 0.008, sizeRevenue: 2000, lp: 12 },
  { code: '85', name: '社会工作', park: 0, weight: 0.06, words: ['养老服务', '康养服务', '颐养中心'], land: 30, revPerMu: 120, vaRate: 0.45, taxRate: 0.02, rd: 0.005, rdZero: 0.8, ep: 6, epm: 15000, water: 0.008, sizeRevenue: 500, lp: 6 },
  { code: '87', name: '广播、电视、电影和录音制作业', park: 0, weight: 0.07, words: ['影视传媒', '文化传媒', '数字传媒'], land: 10, revPerMu: 400, vaRate: 0.42, taxRate: 0.06, rd: 0.02, rdZero: 0.4, ep: 15, epm: 40000, water: 0.003, sizeRevenue: 500, lp: 18 },
  { code: '88', name: '文化艺术业', park: 0, weight: 0.05, words: ['文化艺术', '文化创意', '动漫'], land: 10, revPerMu: 250, vaRate: 0.45, taxRate: 0.05, rd: 0.02, rdZero: 0.5, ep: 15, epm: 40000, water: 0.003, sizeRevenue: 500, lp: 12 },
  // 广耀创新产业园区: intelligent equipment & robots, EV chain, energy saving & environment, bio-pharma, high-tech
  { code: '26', name: '化学原料和化学制品制造业', park: 1, weight: 0.04, words: ['新材料科技', '环保材料', '化工科技'], land: 40, revPerMu: 380, vaRate: 0.22, taxRate: 0.045, rd: 0.02, rdZero: 0.15, ep: 1.2, epm: 900, water: 0.008, sizeRevenue: 2000, lp: 22 },
  { code: '27', name: '医药制造业', park: 1, weight: 0.09, words: ['制药', '药业', '生物医药', '生物制药'], land: 45, revPerMu: 420, vaRate: 0.32, taxRate: 0.06, rd: 0.035, rdZero: 0.05, ep: 3, epm: 2500, water: 0.012, sizeRevenue: 2000, lp: 20 },
  { code: '30', name: '非金属矿物制品业', park: 1, weight: 0.08, words: ['新型建材', '环保建材', '保温材料', '建材科技'], land: 45, revPerMu: 260, vaRate: 0.22, taxRate: 0.04, rd: 0.012, rdZero: 0.25, ep: 0.7, epm: 600, water: 0.004, sizeRevenue: 2000, lp: 15 },
  { code: '33', name: '金属制品业', park: 1, weight: 0.11, words: ['金属制品', '精密结构件', '五金制品'], land: 30, revPerMu: 320, vaRate: 0.22, taxRate: 0.04, rd: 0.015, rdZero: 0.2, ep: 2, epm: 2500, water: 0.003, sizeRevenue: 2000, lp: 14 },
  { code: '34', name: '通用设备制造业', park: 1, weight: 0.16, words: ['机械', '智能装备', '精密机械', '机器人'], land: 35, revPerMu: 360, vaRate: 0.25, taxRate: 0.045, rd: 0.025, rdZero: 0.1, ep: 3.5, epm: 6000, water: 0.002, sizeRevenue: 2000, lp: 16 },
  { code: '35', name: '专用设备制造业', park: 1, weight: 0.13, words: ['重工机械', '环保设备', '医疗器械', '专用设备'], land: 35, revPerMu: 360, vaRate: 0.26, taxRate: 0.045, rd: 0.028, rdZero: 0.1, ep: 3.5, epm: 6000, water: 0.002, sizeRevenue: 2000, lp: 17 },
  { code: '36', name: '汽车制造业', park: 1, weight: 0.1, words: ['新能源汽车', '汽车零部件', '专用汽车'], land: 60, revPerMu: 480, vaRate: 0.2, taxRate: 0.04, rd: 0.025, rdZero: 0.1, ep: 3.2, epm: 5000, water: 0.002, sizeRevenue: 2000, lp: 18 },
  { code: '38', name: '电气机械和器材制造业', park: 1, weight: 0.12, words: ['电气', '新能源科技', '电池', '电机', '充电设备'], land: 35, revPerMu: 420, vaRate: 0.22, taxRate: 0.045, rd: 0.03, rdZero: 0.1, ep: 3.8, epm: 7000, water: 0.002, sizeRevenue: 2000, lp: 17 },
  { code: '39', name: '计算机、通信和其他电子设备制造业', park: 1, weight: 0.09, words: ['电子科技', '智能终端', '通信设备', '光电科技'], land: 25, revPerMu: 500, vaRate: 0.22, taxRate: 0.045, rd: 0.04, rdZero: 0.08, ep: 4, epm: 8000, water: 0.003, sizeRevenue: 2000, lp: 15 },
  { code: '40', name: '仪器仪表制造业', park: 1, weight: 0.04, words: ['仪器仪表', '检测仪器', '智能仪表'], land: 15, revPerMu: 400, vaRate: 0.3, taxRate: 0.05, rd: 0.04, rdZero: 0.08, ep: 5, epm: 9000, water: 0.002, sizeRevenue: 2000, lp: 18 },
  { code: '42', name: '废弃资源综合利用业', park: 1, weight: 0.04, words: ['再生资源', '资源综合利用', '环保科技'], land: 40, revPerMu: 220, vaRate: 0.2, taxRate: 0.035, rd: 0.012, rdZero: 0.25, ep: 0.8, epm: 700, water: 0.004, sizeRevenue: 2000, lp: 16 },
];

/** Characters for 2–3 character brand names (all GBK-encodable). */
export const BRAND_CHARS = Array.from(
  new Set(
    '华瑞鑫宏源泰恒达盛嘉博创新安康德润祥聚联信诚通远科宇航腾飞凯拓晟昊昌隆兴丰益佳和美金银东方北冀赵峰山海天星辰光明启智睿思慧锐卓越正汇合众邦立成建广亿万汉唐久长永顺福尚品优沃铭晨阳云澜悦朗帆骏驰迈捷迅力强诺维蓝青松柏林森川舜禹翔鹏鸿耀晖煜灿旭曦钧铎锦绣霖沐泽洲瀚浩淼勤业精工',
  ),
);
export const COMPANY_FORMS = ['有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'];
