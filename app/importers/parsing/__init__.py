"""Pure parsers: one official document or dataset in, typed records out (`app.importers.records`).

No parser touches the database. State names stay as the document writes them; the loading
package (`app.importers.loading`) resolves them, merges the sources and writes.

- `pdf_text`: a UN PDF as clean text, page by page (furniture, footnotes, split words);
- `wg_report`, `report_section`, `lead_ins`: Working Group reports, their recommendations
  sections and what each lead-in paragraph means;
- `addendum`: the state's responses (positions) to a report's recommendations;
- `thematic_list`: OHCHR's thematic lists (DOCX), every layout;
- `state_groups`: the recommending states at the end of a recommendation's sentence;
- `uhri`: OHCHR's Universal Human Rights Index bulk export (JSON, streamed);
- `sdg_explorer`: the SDG-Human Rights Data Explorer export (XLSX, streamed).
"""
