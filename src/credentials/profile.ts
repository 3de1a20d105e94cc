/// <reference types="node" />
import { readFile as readFileFromDisk } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { createCredentials, type CredentialProvider, type Credentials } from "./credentials.js";
import { processEnv, variable, type Environment } from "./env.js";
import { CredentialsError } from "./errors.js";
import { IniSyntaxError, parseIni } from "./ini.js";

/** Names of the official SDKs' `ProfileCredentialProvider` (Go `profile_provider.go`, Python `provider.py`). */
export const PROFILE = {
  fileVariable: "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
  directory: ".huaweicloud",
  file: "credentials",
  /** The credential type names the section; `basic` is for regional services such as HSS and SWR. */
  section: "basic",
  keys: { ak: "ak", sk: "sk", securityToken: "security_token", projectId: "project_id", iamEndpoint: "iam_endpoint" },
} as const;

export interface ProfileOptions {
  /** Where to read `HUAWEICLOUD_SDK_CREDENTIALS_FILE`; default `process.env`. */
  env?: Environment | undefined;
  /** The home directory; default `os.homedir()`. */
  homeDir?: (() => string) | undefined;
  /** Reads a file as UTF-8; default `fs.promises.readFile`. Rejects with `code: "ENOENT"` for a missing file. */
  readFile?: ((path: string) => Promise<string>) | undefined;
}

/**
 * AK/SK from the `[basic]` section of the INI file `~/.huaweicloud/credentials` (or the file named by
 * `HUAWEICLOUD_SDK_CREDENTIALS_FILE`): keys `ak`, `sk`, and optionally `security_token`, `project_id`,
 * `iam_endpoint`. The file is read at each call; a file that does not parse is an error naming file and line.
 */
export function fromProfile(options: ProfileOptions = {}): CredentialProvider {
  const readFile = options.readFile ?? ((path: string) => readFileFromDisk(path, "utf8"));
  return async (): Promise<Credentials> => {
    const path = credentialsFilePath(options);
    const source = `profile ${path}`;
    let text: string;
    try {
      text = await readFile(path);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      throw new CredentialsError(
        source,
        code === "ENOENT" ? "no such file" : `cannot read the file (${String(code ?? error)})`,
        { cause: error },
      );
    }
    let sections;
    try {
      sections = parseIni(text, path);
    } catch (error) {
      if (error instanceof IniSyntaxError)
        throw new CredentialsError(source, `syntax error at ${error.message}`, { cause: error });
      throw error;
    }
    const section = sections.get(PROFILE.section);
    if (section === undefined) throw new CredentialsError(source, `no [${PROFILE.section}] section`);
    const value = (key: string) => (section.get(key) === "" ? undefined : section.get(key));
    const { keys } = PROFILE;
    const missing = [keys.ak, keys.sk].filter((key) => value(key) === undefined);
    if (missing.length > 0) throw new CredentialsError(source, `[${PROFILE.section}] has no ${missing.join(" and ")}`);
    return createCredentials({
      ak: value(keys.ak)!,
      sk: value(keys.sk)!,
      securityToken: value(keys.securityToken),
      projectId: value(keys.projectId),
      iamEndpoint: value(keys.iamEndpoint),
      source,
    });
  };
}

function credentialsFilePath(options: ProfileOptions): string {
  const env = options.env ?? processEnv("profile");
  const configured = variable(env, PROFILE.fileVariable);
  if (configured !== undefined) return configured;
  let home: string;
  try {
    home = (options.homeDir ?? homedir)();
  } catch (error) {
    throw new CredentialsError(
      "profile",
      `no home directory (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (home === "") throw new CredentialsError("profile", "no home directory");
  return join(home, PROFILE.directory, PROFILE.file);
}
