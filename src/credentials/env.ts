/// <reference types="node" />
import { createCredentials, type CredentialProvider, type Credentials } from "./credentials.js";
import { CredentialsError } from "./errors.js";

/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The variable names of the official SDKs' `EnvCredentialProvider` (Go `env_provider.go`, Python `provider.py`). */
export const ENV = {
  ak: "HUAWEICLOUD_SDK_AK",
  sk: "HUAWEICLOUD_SDK_SK",
  securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  projectId: "HUAWEICLOUD_SDK_PROJECT_ID",
  /** Read by the official SDKs' IAM helper for every credential that names no `iam_endpoint` of its own. */
  iamEndpoint: "HUAWEICLOUD_SDK_IAM_ENDPOINT",
  idpId: "HUAWEICLOUD_SDK_IDP_ID",
  idTokenFile: "HUAWEICLOUD_SDK_ID_TOKEN_FILE",
} as const;

export interface EnvOptions {
  /** Where to read the variables; default `process.env` (read at each call). */
  env?: Environment | undefined;
}

/** The process environment, or a clear error where reading it is not allowed (Deno without --allow-env). */
export function processEnv(source: string): Environment {
  try {
    return { ...process.env };
  } catch (error) {
    throw new CredentialsError(
      source,
      `cannot read the environment (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** An empty variable counts as unset, as in the official SDKs. */
export function variable(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

/**
 * AK/SK from `HUAWEICLOUD_SDK_AK` and `HUAWEICLOUD_SDK_SK`, with `HUAWEICLOUD_SDK_SECURITY_TOKEN`,
 * `HUAWEICLOUD_SDK_PROJECT_ID` and `HUAWEICLOUD_SDK_IAM_ENDPOINT` when set.
 */
export function fromEnv(options: EnvOptions = {}): CredentialProvider {
  const source = "environment";
  return async (): Promise<Credentials> => {
    const env = options.env ?? processEnv(source);
    const ak = variable(env, ENV.ak);
    const sk = variable(env, ENV.sk);
    if (ak === undefined || sk === undefined) throw new CredentialsError(source, missingPair(env, ak, sk));
    return createCredentials({
      ak,
      sk,
      securityToken: variable(env, ENV.securityToken),
      projectId: variable(env, ENV.projectId),
      iamEndpoint: variable(env, ENV.iamEndpoint),
      source,
    });
  };
}

function missingPair(env: Environment, ak: string | undefined, sk: string | undefined): string {
  if (ak !== undefined) return `${ENV.sk} is not set (${ENV.ak} is)`;
  if (sk !== undefined) return `${ENV.ak} is not set (${ENV.sk} is)`;
  if (variable(env, ENV.idpId) !== undefined && variable(env, ENV.idTokenFile) !== undefined) {
    return `${ENV.idpId} and ${ENV.idTokenFile} are set, but federated identity is not supported yet; set ${ENV.ak} and ${ENV.sk}`;
  }
  return `${ENV.ak} and ${ENV.sk} are not set`;
}
