/** A typed client for the UPR API: `createUprClient("http://127.0.0.1:8000")`. */
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths };
export type Recommendation = components["schemas"]["RecommendationListItem"];
export type Problem = components["schemas"]["Problem"];

/** A fetch client whose paths, parameters and responses are checked against the API's schema. */
export function createUprClient(baseUrl: string) {
  return createClient<paths>({ baseUrl });
}
