/** The SWR part of the stand-in server's in-memory data: instance jobs, newest first. */

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

export interface SwrStore {
  jobs: JobDetail[];
}
