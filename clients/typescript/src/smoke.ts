/**
 * Calls a live UPR API server with the typed client: `node dist/smoke.js http://127.0.0.1:8000`.
 * Prints one JSON line with what it found; exits non-zero on any surprise.
 */
import { createUprClient, type components } from "./index.js";

type Page = components["schemas"]["RecommendationPage"];

const baseUrl = process.argv[2] ?? "http://127.0.0.1:8000";
const api = createUprClient(baseUrl);

const ids: string[] = [];
let cursor: string | null | undefined = undefined;
do {
  const { data, error }: { data?: Page; error?: unknown } = await api.GET("/v1/recommendations", {
    params: { query: { state_under_review: ["SVN"], session: [48], limit: 100, cursor } },
  });
  if (error || !data) throw new Error(`list failed: ${JSON.stringify(error)}`);
  ids.push(...data.items.map((item) => item.id));
  cursor = data.next_cursor;
} while (cursor);

const one = await api.GET("/v1/recommendations/{recommendation_id}", {
  params: { path: { recommendation_id: "48-SVN-140.7" } },
});
if (!one.data) throw new Error("48-SVN-140.7 not found");

const missing = await api.GET("/v1/recommendations/{recommendation_id}", {
  params: { path: { recommendation_id: "48-SVN-999.9" } },
});
const problem = missing.error;

console.log(
  JSON.stringify({
    recommendations: ids.length,
    unique: new Set(ids).size,
    text: one.data.text,
    missingStatus: missing.response.status,
    problemType: problem && "type" in problem ? problem.type : null,
  }),
);
