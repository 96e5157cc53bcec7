#!/usr/bin/env python3
"""Every engine side by side on Brightside's October report, one run, one table.

    python3 benches/engines.py [ROUNDS]      (default 10; a release build, not a test)

Rows: our PDF stage tagged and untagged (`cargo bench --bench render`, model built before
each render as a batch does), our whole cold process (`execreport render`, one client, PDF
only), Typst 0.15 from PyPI on an equivalent document (benches/typst/report.typ, built-in
drawing only, the same Noto Sans fonts) warm (one compiler, fresh data per compile) and cold
(a new process per compile, Python's start included and shown on its own row), and WeasyPrint
on our HTML. Medians; PDF sizes in KB; whether the PDF is tagged as pdfinfo says.
Needs: cargo, poppler-utils, PyPI typst and weasyprint, fonts-noto-core.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLIENT = "brightside-dental"
FONTS = "/usr/share/fonts/truetype/noto"
TYP = os.path.join(ROOT, "benches/typst/report.typ")


def tagged(pdf_bytes):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf_bytes)
        f.flush()
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    return "yes" if "Tagged:          yes" in info else "no"


def timed(fn, rounds):
    times, out = [], None
    for _ in range(rounds):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    os.chdir(ROOT)
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet", "--bin", "execreport"], check=True)
    rows = []

    # Our PDF stage, tagged and untagged.
    bench = subprocess.run(
        ["cargo", "bench", "--quiet", "--bench", "render", "--", CLIENT, str(rounds)],
        capture_output=True, text=True, check=True).stdout
    medians, sizes = {}, {}
    for line in bench.splitlines():
        f = line.split()
        if len(f) == 7 and f[2] == "ms":
            medians[f[0]] = float(f[3])
        if line.strip().startswith("html") and "pdf-untagged" in line:
            n = [int(x) for x in line.replace(",", " ").split() if x.isdigit()]
            sizes = {"html": n[0], "pdf": n[1], "pdf-untagged": n[2]}

    out = tempfile.mkdtemp()
    exe = os.path.join(ROOT, "target/release/execreport")
    config = os.path.join(ROOT, "samples/execreport.yaml")
    render = [exe, "-c", config, "render", "--client", CLIENT, "--period", "2026-10",
              "--format", "json,html,pdf", "--out", out]
    subprocess.run(render, check=True, capture_output=True)
    folder = os.path.join(out, CLIENT, "2026-10")
    ours_pdf = open(os.path.join(folder, "report.pdf"), "rb").read()
    pdf_only = render[:-4] + ["--format", "pdf", "--out", out]
    cold_ours, _ = timed(lambda: subprocess.run(pdf_only, check=True, capture_output=True), rounds)
    rows.append(("execreport PDF stage, tagged", medians.get("pdf"), sizes.get("pdf"), tagged(ours_pdf)))
    rows.append(("execreport PDF stage, untagged", medians.get("pdf-untagged"), sizes.get("pdf-untagged"), "no"))
    rows.append(("execreport whole process (cold, PDF)", cold_ours, len(ours_pdf), tagged(ours_pdf)))

    # Typst, warm: one compiler, the model changed before every compile.
    import typst
    model = json.load(open(os.path.join(folder, "report.json")))
    compiler = typst.Compiler(TYP, font_paths=[FONTS], ignore_system_fonts=True,
                              sys_inputs={"model": json.dumps(model)})
    compiler.compile()
    counter = [0]

    def warm():
        counter[0] += 1
        model["kpis"][0]["value"] += counter[0]
        return compiler.compile(sys_inputs={"model": json.dumps(model)})

    warm_ms, typ_pdf = timed(warm, rounds)
    rows.append(("Typst warm (one compiler, fresh data)", warm_ms, len(typ_pdf), tagged(typ_pdf)))

    # Typst, cold: a new process per compile.
    data = os.path.join(out, "model.json")
    json.dump(model, open(data, "w"))
    script = ("import typst,sys;typst.compile(sys.argv[1],output=sys.argv[2],font_paths=[sys.argv[3]],"
              "ignore_system_fonts=True,sys_inputs={'model':open(sys.argv[4]).read()})")
    cold = [sys.executable, "-c", script, TYP, os.path.join(out, "typst.pdf"), FONTS, data]
    cold_ms, _ = timed(lambda: subprocess.run(cold, check=True), rounds)
    start_ms, _ = timed(lambda: subprocess.run([sys.executable, "-c", "import typst"], check=True), rounds)
    rows.append(("Typst cold (new Python process)", cold_ms, None, None))
    rows.append(("  of which Python start + import typst", start_ms, None, None))

    # WeasyPrint on our HTML (slow: a third of the rounds).
    import weasyprint
    html = os.path.join(folder, "report.html")
    weasy_ms, weasy_pdf = timed(lambda: weasyprint.HTML(filename=html).write_pdf(), max(1, rounds // 3))
    rows.append(("WeasyPrint on our HTML", weasy_ms, len(weasy_pdf), tagged(weasy_pdf)))

    ours = medians.get("pdf")
    print(f"{'engine':44} {'median ms':>10} {'PDF KB':>8} {'tagged':>7} {'x ours':>7}")
    for name, ms, size, tag in rows:
        ratio = f"{ms / ours:.1f}" if ours and ms else ""
        print(f"{name:44} {ms:10.1f} {(size or 0) / 1024:8.1f} {tag or '':>7} {ratio:>7}")
    if sizes and medians.get("pdf-untagged"):
        print(f"tagging adds {100 * (sizes['pdf'] / sizes['pdf-untagged'] - 1):.1f} % to the size and "
              f"{100 * (medians['pdf'] / medians['pdf-untagged'] - 1):.1f} % to the time of the PDF stage")


if __name__ == "__main__":
    main()
