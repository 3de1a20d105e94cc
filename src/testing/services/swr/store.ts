/** The SWR part of the stand-in server's in-memory data: instance jobs and image repositories, newest first. */

/** ListInstanceJobs `jobs` item, JobDetail (SWR v2, 004_5f1cd64cc64a2670.txt). */
export interface JobDetail {
  id: string;
  instance_id: string;
  resource_id: string;
  resource_name: string;
  type: string;
  status: "Creating" | "Initializing" | "Running" | "Failed" | "Success";
  reason: string;
  created_at: string;
  updated_at: string;
}

/** ListReposDetails item, ShowReposResp (SWR v2, the official SDK's model; no local page). */
export interface ShowReposResp {
  name: string;
  category: string;
  description: string;
  size: number;
  is_public: boolean;
  num_images: number;
  num_download: number;
  created_at: string;
  updated_at: string;
  logo: string;
  url: string;
  /** `<registry>/<namespace>/<name>`: unique, the pagination key. */
  path: string;
  internal_path: string;
  domain_name: string;
  namespace: string;
  tags: string[];
  status: boolean;
  total_range: number;
}

export interface SwrStore {
  jobs: JobDetail[];
  /** Image repositories, newest first. */
  repos: ShowReposResp[];
}
