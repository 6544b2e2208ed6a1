#!/usr/bin/env python3
"""Builds a synthetic archive of N cables from ../shared/corpus/cables for the sweep benchmark.

Cable i is a copy of corpus cable i mod 61 (so sizes, classifications and declassification lines vary as the
corpus does), with a new serial number written wherever the original's appears after its post's name or a
`#` (banner, page-break lines, routing line), so every cable has its own id; the file is named by that id.
Files go into folders of 1,000 (`0000/`, `0001/`, …), as an archive would hold them by batch.

    Scripts/make-corpus.py N OUTDIR [--corpus DIR]
"""
import argparse
import csv
import os
import re
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("outdir")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus", "cables"))
    args = parser.parse_args()

    sources = []
    with open(os.path.join(args.corpus, "INDEX.csv"), newline="") as f:
        for row in csv.DictReader(f):
            m = re.fullmatch(r"(\d\d)([A-Z]+?)(\d+)", row["reference_id"])
            if not m:
                continue
            with open(os.path.join(args.corpus, row["file"]), "rb") as c:
                text = c.read()
            sources.append((m.group(1), m.group(2), int(m.group(3)), text))
    if not sources:
        print(f"{args.corpus}: no cables listed in INDEX.csv", file=sys.stderr)
        return 2

    total = 0
    for i in range(args.count):
        k = i % len(sources)
        year, origin, serial, text = sources[k]
        new = (i // len(sources) + 1) * len(sources) + k  # unique over the whole archive
        pattern = re.compile(rb"((?:" + re.escape(origin.encode()) + rb"\s+|#)0*)" + str(serial).encode() + rb"\b")

        def renumber(m: re.Match) -> bytes:
            width = len(m.group(1)) - len(m.group(1).rstrip(b"0")) + len(str(serial))
            return m.group(1).rstrip(b"0") + str(new).zfill(width).encode()

        body = pattern.sub(renumber, text)
        folder = os.path.join(args.outdir, f"{i // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{year}{origin}{new}.txt"), "wb") as out:
            out.write(body)
        total += len(body)
    print(f"{args.count} cables, {total / 1e6:.1f} MB in {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
