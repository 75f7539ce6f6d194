"""Writing parsed documents into the database: one loader for every source.

Rules, the same for every source:
- every state name resolves through the alias table, or the import fails listing each unresolved
  name and where it stood, and nothing is written;
- one transaction per document (per batch for the UHRI stream): a failure leaves the database as
  it was; on PostgreSQL imports into one review are serialised by an advisory lock;
- importing the same document again changes nothing (`0 added, 0 changed`); a corrected document
  updates the rows that changed and keeps their ids;
- sources merge into one set of recommendations: a value from a lower-ranked source never
  overwrites one from a higher-ranked source (`DataSource.text_rank`, `.position_rank`), except
  that a final position always replaces a pending or unclear one; every source is recorded with
  the fields it gave, and every disagreement between sources is stored and reported.

Where each part lives:
- `document`: `load_document`, in the caller's unit of work, and the checks it makes;
- `report`: `ImportReport` (what an import did) and `ImportFailed` (an import that wrote nothing);
- `merge`: incoming recommendations written following source precedence: `incoming` (what an
  import brings), `stored` (what is stored for it), `precedence` (which values win), `bulk`
  (the writes) and `provenance` (sources, and how two sources' values are compared);
- `review_facts`: the review, its facts and troika, its documents, warnings and lock;
- `states`: state names to ISO3 codes; `taxonomy`: themes, groups and SDGs made on first use;
- `text`: folding text for comparing sources;
- `uhri`: the UHRI bulk export, streamed in resumable batches through the same writes;
- `explorer`, `upr_info`: the SDG–HR Data Explorer's and UPR Info's exports, one transaction
  per file, matched to what is loaded (`textual_id` for what has no paragraph).
"""

from app.importers.loading.document import SOURCE_OF_KIND, TOTALS_CHECK, load_document
from app.importers.loading.incoming import IncomingRecommendation, resolve_recommendation
from app.importers.loading.merge import write_recommendations
from app.importers.loading.report import ImportFailed, ImportReport
from app.importers.loading.review_facts import ensure_review, lock_reviews
from app.importers.loading.states import StateResolver
from app.importers.loading.taxonomy import TaxonomyCache
from app.importers.loading.text import comparable

__all__ = [
    "SOURCE_OF_KIND",
    "TOTALS_CHECK",
    "ImportFailed",
    "ImportReport",
    "IncomingRecommendation",
    "StateResolver",
    "TaxonomyCache",
    "comparable",
    "ensure_review",
    "load_document",
    "lock_reviews",
    "resolve_recommendation",
    "write_recommendations",
]
