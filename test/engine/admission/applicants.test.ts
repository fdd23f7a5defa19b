import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { applicantsFromFrame, applicantSpec } from "../../../engine/admission/applicants.js";
import { readFrame } from "../../../engine/data/read.js";
import { ParkscoreError } from "../../../engine/errors.js";
import { tempDir } from "../../cli/helpers.js";

const HEAD = "项目编号,项目名称,拟入园区,行业代码,行业代码版本,用地面积(公顷),建筑系数(%),环评批复,安全评价\n";

describe("reading applicants", () => {
  it("reads Chinese headers from a GBK CSV; % cells, 是/否 flags, blank = missing", async () => {
    const f = join(tempDir(), "a.csv");
    writeFileSync(f, iconv.encode(HEAD + "A1,甲,广耀创新产业园区,C34,,2,35%,是,否\nA2,乙,东山创意产业园区,65,2002,1.5,,1,\n", "gbk"));
    const [a, b] = applicantsFromFrame(await readFrame(f, applicantSpec()));
    expect(a.industry).toBe("C34");
    expect(a.edition).toBe("2017");
    expect(a.values.land_ha).toBe(2);
    expect(a.values.building_coverage).toBe(35);
    expect(a.values.env_approved).toBe(1);
    expect(a.values.safety_approved).toBe(0);
    expect(b.edition).toBe("2002");
    expect(b.values.building_coverage).toBeNaN();
    expect(b.values.safety_approved).toBeNaN();
  });
  it("reports a bad number, flag or edition with row and column", async () => {
    const f = join(tempDir(), "bad.csv");
    writeFileSync(f, HEAD + "A1,甲,广耀,34,1994,两公顷,35,也许,是\n");
    const err = await readFrame(f, applicantSpec()).then((fr) => applicantsFromFrame(fr)).catch((e) => e);
    expect(err).toBeInstanceOf(ParkscoreError);
    const msg = (err as ParkscoreError).message;
    expect(msg).toContain('bad.csv:2: column "用地面积(公顷)"');
    expect(msg).toContain('column "环评批复": not a yes/no value');
    expect(msg).toContain('column "行业代码版本": not a GB/T 4754 edition');
  });
});
