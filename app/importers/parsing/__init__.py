"""Pure parsers: one official document or dataset in, typed records out (`app.importers.records`).

No parser touches the database. State names stay as the document writes them; the loading
package (`app.importers.loading`) resolves them, merges the sources and writes.

- `pdf_text`: a UN PDF as clean text, page by page (furniture, footnotes, split words);
- `wg_report`, `report_section`, `lead_ins`: Working Group reports, their recommendations
  sections and what each lead-in paragraph means;
- `addendum`: the state's responses (positions) to a report's recommendations;
- `thematic_list`: OHCHR's thematic lists (DOCX), every layout (with `thematic_list_layout`,
  `thematic_list_rows` and `thematic_list_review`);
- `state_groups`: the recommending states at the end of a recommendation's sentence;
- `uhri`: OHCHR's Universal Human Rights Index bulk export (JSON, streamed; with
  `uhri_records`, `uhri_json`, `uhri_mapping` and `uhri_values`);
- `sdg_explorer`: the SDG-Human Rights Data Explorer export (XLSX, streamed);
- `upr_info`: UPR Info's database export (CSV), rows read by `upr_info_rows`;
- `cells`: header labels and text cells, as both tabular exports read them.
"""
