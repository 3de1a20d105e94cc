// Cold start: import the official SDK's core and SWR package and build an SWR client (no request).
import core from "@huaweicloud/huaweicloud-sdk-core";
import swr from "@huaweicloud/huaweicloud-sdk-swr";
const credentials = new core.BasicCredentials().withAk("AK").withSk("SK").withProjectId("p");
const client = swr.SwrClient.newBuilder()
  .withCredential(credentials)
  .withEndpoint("https://swr-api.ap-southeast-1.myhuaweicloud.com")
  .build();
if (typeof client.showSyncJob !== "function") throw new Error("no client");
