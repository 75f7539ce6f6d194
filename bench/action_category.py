"""Action category (1–5) computed from the text, against UPR Info's coding of its 2015 export.

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python bench/action_category.py [--data DIR] [--errors N] [--rules] [--markdown]

It reads UPR Info's export (`1-5.csv` … `17-20.csv` in DIR, by default the environment
variable UPR_INFO_EXPORT_DIR; the export is not bundled) with `app.importers.parsing.upr_info`, one
recommendation per (session, state under review, text) as `read_upr_info` groups the rows
made by several states, and classifies every text with `app.classification.action_category`.
The rules were tuned on sessions 1–13 ("tune"); sessions 14–20 ("test") were held out and
scored once the rules were final. Never split by row: the same text recurs within a session.

Prints, for each split: accuracy, macro-F1, per-class precision and recall and the confusion
matrix of the rules and of the simplest baseline (the first word of the text, given the
category UPR Info gave most often to recommendations starting with that word in sessions 1–13);
how consistent UPR Info's own coding is for texts that are identical once case and punctuation
are folded (an upper bound on any text-only classifier); the most frequent kinds of error with
examples; and the classifying speed. `--rules` adds each rule's precision on the tuning
sessions (the `confidence` the module reports); `--markdown` prints the results section of
docs/action-category.md instead. Nothing is written.
"""

from __future__ import annotations

import argparse
import os
import re
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.classification.action_category import ActionCategory, classify
from app.importers.parsing.upr_info import read_upr_info

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("UPR_INFO_EXPORT_DIR", "upr-info-2015"))
FILES = ("1-5.csv", "6-9.csv", "10-13.csv", "14-17.csv", "17-20.csv")
TUNE = range(1, 14)
TEST = range(14, 21)
CLASSES = (1, 2, 3, 4, 5)
_WORD = re.compile(r"[a-z][a-z'\-]*")


@dataclass(frozen=True, slots=True)
class Item:
    session: int
    state: str
    text: str
    label: int


@dataclass(slots=True)
class Scores:
    n: int
    accuracy: float
    macro_f1: float
    precision: dict[int, float]
    recall: dict[int, float]
    f1: dict[int, float]
    confusion: Counter[tuple[int, int | None]]
    refused: int


def read_items(data: Path) -> list[Item]:
    """The export's labelled recommendations, one per (session, state, text)."""
    items = []
    for name in FILES:
        for rec in read_upr_info(data / name).recommendations:
            if rec.action_category in CLASSES:
                items.append(
                    Item(rec.session, rec.state_under_review, rec.text, rec.action_category)
                )
    return items


def score(labels: Sequence[int], predicted: Sequence[int | None]) -> Scores:
    """Accuracy, macro-F1 and per-class figures; a refused text (None) counts as wrong."""
    confusion: Counter[tuple[int, int | None]] = Counter(zip(labels, predicted, strict=True))
    precision, recall, f1 = {}, {}, {}
    for c in CLASSES:
        tp = confusion[(c, c)]
        predicted_c = sum(n for (_, p), n in confusion.items() if p == c)
        actual_c = sum(n for (y, _), n in confusion.items() if y == c)
        precision[c] = tp / predicted_c if predicted_c else 0.0
        recall[c] = tp / actual_c if actual_c else 0.0
        both = precision[c] + recall[c]
        f1[c] = 2 * precision[c] * recall[c] / both if both else 0.0
    n = len(labels)
    correct = sum(confusion[(c, c)] for c in CLASSES)
    return Scores(
        n=n,
        accuracy=correct / n if n else 0.0,
        macro_f1=sum(f1.values()) / len(CLASSES),
        precision=precision,
        recall=recall,
        f1=f1,
        confusion=confusion,
        refused=sum(n for (_, p), n in confusion.items() if p is None),
    )


def first_word(text: str) -> str:
    words = _WORD.findall(text.lower())
    if words and words[0] == "to" and len(words) > 1:
        words = words[1:]
    return words[0] if words else ""


def first_word_baseline(tune: Sequence[Item]) -> dict[str, int]:
    """Each first word's most frequent category in the tuning sessions (ties: lower)."""
    counts: dict[str, Counter[int]] = defaultdict(Counter)
    for item in tune:
        counts[first_word(item.text)][item.label] += 1
    return {w: min(c, key=lambda k: (-c[k], k)) for w, c in counts.items()}


def fold(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def self_consistency(items: Sequence[Item]) -> tuple[int, int, float]:
    """Among recommendations whose folded text occurs more than once: how many, in how many
    groups, and the share that agree with their group's most frequent category."""
    groups: dict[str, list[int]] = defaultdict(list)
    for item in items:
        groups[fold(item.text)].append(item.label)
    repeated = [labels for labels in groups.values() if len(labels) > 1]
    n = sum(len(labels) for labels in repeated)
    agree = sum(Counter(labels).most_common(1)[0][1] for labels in repeated)
    return n, len(repeated), agree / n if n else 1.0


def error_kinds(
    items: Sequence[Item], results: Sequence[ActionCategory], per_kind: int, kinds: int = 8
) -> list[tuple[tuple[int, int | None], int, list[tuple[Item, ActionCategory]]]]:
    """The most frequent (label, predicted) errors, each with its first examples."""
    examples: dict[tuple[int, int | None], list[tuple[Item, ActionCategory]]] = defaultdict(list)
    for item, result in zip(items, results, strict=True):
        if result.category != item.label:
            examples[(item.label, result.category)].append((item, result))
    ranked = sorted(examples.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))[:kinds]
    return [(kind, len(found), found[:per_kind]) for kind, found in ranked]


def rule_precision(
    items: Sequence[Item], results: Sequence[ActionCategory]
) -> list[tuple[str, int, float]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item, result in zip(items, results, strict=True):
        counts[result.rule][0] += 1
        counts[result.rule][1] += result.category == item.label
    return sorted(((rule, n, ok / n) for rule, (n, ok) in counts.items()), key=lambda r: -r[1])


def speed(texts: Sequence[str]) -> float:
    """Texts per second of `classify`, one call per text (best of three runs)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            classify(text)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def short(text: str, width: int = 150) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def confusion_rows(s: Scores) -> list[str]:
    head = "| UPR Info ↓ / computed → | " + " | ".join(map(str, CLASSES)) + " | none |"
    rows = [head, "|" + "---|" * (len(CLASSES) + 2)]
    for y in CLASSES:
        cells = [str(s.confusion[(y, p)]) for p in (*CLASSES, None)]
        rows.append(f"| **{y}** | " + " | ".join(cells) + " |")
    return rows


def print_text(name: str, ours: Scores, base: Scores) -> None:
    print(f"\n== {name}: {ours.n} recommendations")
    print(f"rules:    accuracy {ours.accuracy:.3f}  macro-F1 {ours.macro_f1:.3f}  "
          f"refused {ours.refused}")  # fmt: skip
    print(f"baseline: accuracy {base.accuracy:.3f}  macro-F1 {base.macro_f1:.3f}  (first word)")
    print("class  precision recall  F1    | baseline P  R     F1")
    for c in CLASSES:
        print(f"{c:>5}  {ours.precision[c]:.3f}     {ours.recall[c]:.3f}   {ours.f1[c]:.3f} | "
              f"{base.precision[c]:.3f}  {base.recall[c]:.3f} {base.f1[c]:.3f}")  # fmt: skip
    print("confusion (rows: UPR Info, columns: computed 1-5, none)")
    for y in CLASSES:
        print(f"{y:>5}  " + " ".join(f"{ours.confusion[(y, p)]:>6}" for p in (*CLASSES, None)))


def main() -> None:
    """Read the export, classify, score and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the export's CSVs")
    parser.add_argument("--errors", type=int, default=3, help="examples per kind of error")
    parser.add_argument("--rules", action="store_true", help="each rule's precision (tune)")
    parser.add_argument("--markdown", action="store_true", help="print the doc's section")
    parser.add_argument(
        "--tune-only", action="store_true", help="leave sessions 14–20 out (while tuning rules)"
    )
    args = parser.parse_args()

    items = read_items(args.data)
    splits = {
        "tune (sessions 1–13)": [i for i in items if i.session in TUNE],
        "test (sessions 14–20)": [i for i in items if i.session in TEST],
    }
    if args.tune_only:
        del splits["test (sessions 14–20)"]
    baseline = first_word_baseline(splits["tune (sessions 1–13)"])
    default = Counter(i.label for i in splits["tune (sessions 1–13)"]).most_common(1)[0][0]
    results = {name: [classify(i.text) for i in split] for name, split in splits.items()}
    scores, base_scores = {}, {}
    for name, split in splits.items():
        labels = [i.label for i in split]
        scores[name] = score(labels, [r.category for r in results[name]])
        base_scores[name] = score(
            labels, [baseline.get(first_word(i.text), default) for i in split]
        )
    texts = [i.text for split in splits.values() for i in split]
    rate = speed(texts)
    consistency = {name: self_consistency(split) for name, split in splits.items()}
    test = list(splits)[-1]
    kinds = error_kinds(splits[test], results[test], args.errors)

    if args.markdown:
        print_markdown(splits, scores, base_scores, consistency, kinds, rate, len(texts))
        return
    for name in splits:
        print_text(name, scores[name], base_scores[name])
        n, groups, agree = consistency[name]
        print(f"UPR Info's own consistency: {n} recommendations in {groups} groups of identical "
              f"folded text; {agree:.3f} agree with their group's majority")  # fmt: skip
    print(f"\nmost frequent errors on {test} (UPR Info → computed):")
    for (y, p), count, found in kinds:
        print(f"  {y} → {p}: {count}")
        for item, result in found:
            print(f"    [{item.session} {item.state}] {result.rule} {result.evidence}: "
                  f"{short(item.text)}")  # fmt: skip
    if args.rules:
        print("\nrules on the tuning sessions (n, precision):")
        for rule, n, precision in rule_precision(splits["tune (sessions 1–13)"],
                                                 results["tune (sessions 1–13)"]):  # fmt: skip
            print(f"  {rule:28} {n:6} {precision:.3f}")
    print(f"\nspeed: {rate:,.0f} texts/s ({len(texts)} texts, one classify call each)")


def print_markdown(splits, scores, base_scores, consistency, kinds, rate, count) -> None:
    """The results section of docs/action-category.md."""
    print("## Results\n")
    print("Produced by `.venv/bin/python bench/action_category.py --markdown`. A text the "
          "classifier refuses (no category) counts as an error.\n")  # fmt: skip
    print("| split | recommendations | accuracy | macro-F1 | baseline accuracy | "
          "baseline macro-F1 | refused |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for name in splits:
        s, b = scores[name], base_scores[name]
        print(f"| {name} | {s.n} | **{s.accuracy:.3f}** | **{s.macro_f1:.3f}** | "
              f"{b.accuracy:.3f} | {b.macro_f1:.3f} | {s.refused} |")  # fmt: skip
    test = list(splits)[-1]
    s, b = scores[test], base_scores[test]
    print(f"\nPer class on the {test}:\n")
    print("| category | precision | recall | F1 | baseline precision | baseline recall |")
    print("|---|---|---|---|---|---|")
    for c in CLASSES:
        print(f"| {c} | {s.precision[c]:.3f} | {s.recall[c]:.3f} | {s.f1[c]:.3f} | "
              f"{b.precision[c]:.3f} | {b.recall[c]:.3f} |")  # fmt: skip
    print(f"\nConfusion matrix on the {test}:\n")
    print("\n".join(confusion_rows(s)))
    print("\nUPR Info's coding against itself (texts identical once case and punctuation are "
          "folded):\n")  # fmt: skip
    print("| split | recommendations in repeated texts | groups | agree with group majority |")
    print("|---|---|---|---|")
    for name, (n, groups, agree) in consistency.items():
        print(f"| {name} | {n} | {groups} | {agree:.3f} |")
    print(f"\nMost frequent errors on the {test} (UPR Info's category → ours), with examples:\n")
    for (y, p), n, found in kinds:
        print(f"- **{y} → {p}** ({n}):")
        for item, result in found:
            evidence = ", ".join(result.evidence)
            print(f"  - “{short(item.text, 160)}” ({item.session}, {item.state}; "
                  f"rule `{result.rule}`, evidence: {evidence or '—'})")  # fmt: skip
    print(f"\nSpeed: **{rate:,.0f} texts/s** on one core ({count} texts, one `classify` call "
          "each, best of three runs).")  # fmt: skip


if __name__ == "__main__":
    main()
