#!/usr/bin/env python3
"""Line coverage per layer from the Cobertura files coverlet wrote, one per test project.

A line counts as covered when any test project ran it, so the files are merged line by line
rather than averaged. Prints one line per layer and a total, and the line the README quotes:
"Coverage: Domain 91.2% · Application 84.0% · …".
Usage: coverage.py RESULTS_DIR [LAYER=MIN_PERCENT ...]
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

LAYERS = ["Domain", "Application", "Infrastructure", "WebApi"]


def merged_lines(results_dir):
    lines = {}  # (layer, file, line number) -> covered
    for report in glob.glob(f"{results_dir}/**/coverage.cobertura.xml", recursive=True):
        root = ET.parse(report).getroot()
        # Each report names files relative to its own source root (src/ or src/Domain/): key them by full path.
        source = root.findtext("sources/source", default="")
        for package in root.iter("package"):
            layer = package.get("name", "").removeprefix("Faultline.")
            if layer not in LAYERS:
                continue
            for cls in package.iter("class"):
                for line in cls.iter("line"):
                    key = (layer, os.path.join(source, cls.get("filename")), line.get("number"))
                    lines[key] = lines.get(key, False) or int(line.get("hits", "0")) > 0
    return lines


def main():
    results_dir = sys.argv[1]
    minimums = dict(arg.split("=") for arg in sys.argv[2:] if "=" in arg)
    lines = merged_lines(results_dir)
    if not lines:
        print("Coverage: no coverage reports found", file=sys.stderr)
        return 1
    parts, short = [], 0
    for layer in LAYERS:
        total = sum(1 for (l, _, _) in lines if l == layer)
        covered = sum(1 for (l, _, _), hit in lines.items() if l == layer and hit)
        percent = 100.0 * covered / total if total else 0.0
        parts.append(f"{layer} {percent:.1f}% ({covered}/{total} lines)")
        if layer in minimums and percent < float(minimums[layer]):
            print(f"Coverage of {layer} is {percent:.1f}%, below the {minimums[layer]}% it must keep", file=sys.stderr)
            short += 1
    total, covered = len(lines), sum(lines.values())
    print("Coverage: " + " · ".join(parts) + f" · all {100.0 * covered / total:.1f}%")
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main())
