"""The checks a hand-made chain would add to match accesspub's, one process per file as a script would run them:

    python bench/chain_checks.py axe PAGE.html          # a fresh Chromium, axe-core on the page (like axe's CLI)
    python bench/chain_checks.py loudness FILE.mp3      # decode, integrated loudness (pyloudnorm), 4× true peak

Each prints its verdict; bench/run.py times them as the chain's "axe" and "loudness" stages."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def axe(page: Path) -> None:
    from playwright.sync_api import sync_playwright
    from accesspub.checks.axe import CHROMIUM_ARGS, TAGS
    from accesspub.paths import chromium, node_modules
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        tab = browser.new_context(bypass_csp=True).new_page()
        tab.goto(page.resolve().as_uri())
        tab.add_script_tag(path=str(node_modules() / "axe-core" / "axe.min.js"))
        result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
        browser.close()
    print(f"{page.name}: {len(result['violations'])} violations")


def loudness(mp3: Path) -> None:
    import numpy as np
    import pyloudnorm
    import soundfile
    from scipy.signal import resample_poly
    samples, rate = soundfile.read(str(mp3), dtype="float64")
    level = pyloudnorm.Meter(rate).integrated_loudness(samples)
    peak = np.abs(resample_poly(samples, 4, 1)).max()
    print(f"{mp3.name}: {level:.1f} LUFS, true peak {20 * np.log10(max(peak, 1e-9)):.1f} dBTP")


if __name__ == "__main__":
    {"axe": axe, "loudness": loudness}[sys.argv[1]](Path(sys.argv[2]))
