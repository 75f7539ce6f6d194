import { createUprClient } from "./index.js";

const api = createUprClient(process.argv[2] ?? "http://127.0.0.1:8000");
const { data, error } = await api.GET("/v1/recommendations", {
  params: { query: { state_under_review: ["SVN"], session: [48], position: ["noted"], limit: 3 } },
});
if (error) throw new Error(error.detail ?? error.title);
for (const item of data.items) console.log(item.id, item.position, item.text.slice(0, 60));
