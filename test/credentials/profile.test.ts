import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CredentialsError, fromProfile } from "../../src/credentials/node.js";
import { parseIni } from "../../src/credentials/ini.js";
import { CACHE_DIR } from "../runtimes/build.js";
import { expectNoSecrets, rejectionOf } from "./leaks.js";

const SK = "profile-secret-key-0123456789";
const TOKEN = "profile-security-token-abcdef";

/** A profile provider reading `files` (path → text) instead of the disk, with home /home/me. */
function inMemory(files: Record<string, string>, env: Record<string, string> = {}) {
  return fromProfile({
    env,
    homeDir: () => "/home/me",
    readFile: async (path) => {
      if (path in files) return files[path]!;
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
    },
  });
}
const HOME_FILE = "/home/me/.huaweicloud/credentials";

describe("fromProfile", () => {
  it("reads [basic] of ~/.huaweicloud/credentials with every key", async () => {
    const text = [
      "# Huawei Cloud credentials",
      "[global]",
      "ak = GLOBALAK",
      "sk = other",
      "",
      "[basic]",
      "ak = AKPROFILE",
      `sk = ${SK}`,
      `security_token: ${TOKEN}`,
      "; comment",
      'project_id = "project-profile"',
      "IAM_Endpoint = http://127.0.0.1:2",
    ].join("\r\n");
    const credentials = await inMemory({ [HOME_FILE]: text })();
    expect(credentials).toMatchObject({
      ak: "AKPROFILE",
      sk: SK,
      securityToken: TOKEN,
      projectId: "project-profile",
      iamEndpoint: "http://127.0.0.1:2",
      source: `profile ${HOME_FILE}`,
    });
  });

  it("reads the file HUAWEICLOUD_SDK_CREDENTIALS_FILE names instead", async () => {
    const provider = inMemory(
      { "/etc/hc.ini": `[basic]\nak = AKOTHER\nsk = ${SK}\n` },
      { HUAWEICLOUD_SDK_CREDENTIALS_FILE: "/etc/hc.ini" },
    );
    expect(await provider()).toMatchObject({ ak: "AKOTHER", source: "profile /etc/hc.ini" });
  });

  it("reads a real file from disk by default", async () => {
    // Inside the repository (node_modules/.cache): tests read nothing outside it.
    mkdirSync(CACHE_DIR, { recursive: true });
    const home = mkdtempSync(join(CACHE_DIR, "profile-home-"));
    try {
      mkdirSync(join(home, ".huaweicloud"));
      writeFileSync(join(home, ".huaweicloud", "credentials"), `\uFEFF[basic]\nak=AKDISK\nsk=${SK}\n`);
      const credentials = await fromProfile({ env: {}, homeDir: () => home })();
      expect(credentials).toMatchObject({
        ak: "AKDISK",
        sk: SK,
        source: `profile ${join(home, ".huaweicloud", "credentials")}`,
      });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it.each([
    [{}, `profile ${HOME_FILE}: no such file`],
    [{ [HOME_FILE]: "[global]\nak = A\nsk = B\n" }, `profile ${HOME_FILE}: no [basic] section`],
    [{ [HOME_FILE]: `[basic]\nsk = ${SK}\n` }, `profile ${HOME_FILE}: [basic] has no ak`],
    [{ [HOME_FILE]: "[basic]\nak = AK\nsk =\n" }, `profile ${HOME_FILE}: [basic] has no sk`],
    [
      { [HOME_FILE]: `[basic]\nak = AK\nsk = ${SK}\n${SK}\n` },
      `profile ${HOME_FILE}: syntax error at ${HOME_FILE}:4: expected "[section]" or "key = value"`,
    ],
  ])("says what is wrong without the secrets (%#)", async (files, message) => {
    const error = await rejectionOf(inMemory(files)());
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toBe(message);
    expectNoSecrets(error, [SK]);
  });

  it("says so when there is no home directory", async () => {
    const provider = fromProfile({ env: {}, homeDir: () => "" });
    expect((await rejectionOf(provider())).message).toBe("profile: no home directory");
  });
});

describe("parseIni", () => {
  it("parses sections, both separators, comments, quotes and case-insensitive keys", () => {
    const document = parseIni("[a]\nKey = 'v 1'\nother: x=y\n\n# c\n[b]\nk=\n", "f.ini");
    expect([...document.keys()]).toEqual(["a", "b"]);
    expect(Object.fromEntries(document.get("a")!)).toEqual({ key: "v 1", other: "x=y" });
    expect(Object.fromEntries(document.get("b")!)).toEqual({ k: "" });
  });

  it.each([
    ["ak = x\n", 1, "key before any [section]"],
    ["[basic]\nak = x\njust some words\n", 3, 'expected "[section]" or "key = value"'],
    ["[basic]\n\n[]\n", 3, "empty section name"],
    ["[basic]\nak = x\n[basic]\n", 3, "section [basic] appears twice"],
    ["[basic]\nak = x\nAK = y\n", 3, 'key "ak" appears twice in its section'],
    ["[basic\n", 1, 'expected "[section]" or "key = value"'],
  ])("names file and line of a syntax error (%j)", (text, line, problem) => {
    expect(() => parseIni(text, "/x/credentials")).toThrow(`/x/credentials:${line}: ${problem}`);
  });
});
