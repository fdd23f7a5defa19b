import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Applicant } from "../../../engine/admission/checks.js";
import { applicantHtml, applicantPageName, batchHtml } from "../../../engine/admission/html.js";
import { loadStandard } from "../../../engine/store/standards.js";
import { APPLICANT_NUMBERS, type ApplicantValues } from "../../../engine/admission/measures.js";
import { screen } from "../../../engine/admission/screen.js";

const std = loadStandard(join(import.meta.dirname, "..", "..", "..", "datasets/standards/local/wuan-parks-demo.yaml"));

describe("screening HTML", () => {
  const values = Object.fromEntries(APPLICANT_NUMBERS.map((c) => [c, NaN])) as ApplicantValues;
  const a: Applicant = { id: "../<b>x</b>", name: `<script>alert("x")</script>`, park: "广耀创新产业园区", industry: "<34>", edition: "2017", values, row: 7 };
  const rows = screen(std, [a]);
  it("escapes every string from the data and links no external URL", () => {
    for (const html of [batchHtml(std, rows, "in<put>.csv"), applicantHtml(std, rows[0])]) {
      expect(html).not.toContain("<script>");
      expect(html).not.toContain("<b>x</b>");
      expect(html).toContain("&lt;script&gt;");
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
  });
  it("gives the applicant page a safe file name", () => {
    expect(applicantPageName(rows[0])).toBe("0007-____b_x__b_.html");
  });
});
