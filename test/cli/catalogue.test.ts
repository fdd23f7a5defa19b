import { Help } from "commander";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../cli/catalogue.js";
import { program } from "../../cli/program.js";

describe("the catalogue help lists commands from", () => {
  it.each(CATALOGUE.map((e) => [e.name, e] as const))("shows %s as the command itself would", async (name, entry) => {
    const p = await program(name);
    expect(p.commands.map((c) => c.name())).toEqual([name]);
    const cmd = p.commands[0];
    expect(new Help().subcommandTerm(cmd)).toBe(entry.term);
    expect(cmd.description()).toBe(entry.description);
  });

  it("names every command the program has, and help lists them without loading any", async () => {
    const listed = await program("--help");
    expect(listed.commands.map((c) => c.name())).toEqual(CATALOGUE.map((e) => e.name));
    const help = listed.helpInformation();
    for (const e of CATALOGUE) expect(help).toContain(e.term);
    expect(help).toContain("help [command]");
    expect((await program("nonsense")).commands).toHaveLength(CATALOGUE.length);
    expect((await program("help", "score")).commands.map((c) => c.name())).toEqual(["score"]);
  });
});
