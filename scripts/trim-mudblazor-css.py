#!/usr/bin/env python3
"""Writes wwwroot/mudblazor.trimmed.css: MudBlazor.min.css without the rules of components the portal never
renders, and without the utility classes neither the portal nor MudBlazor's own components emit.

Why: the full stylesheet is 627 KB (43 KB Brotli), blocks the first paint, and makes every style recalculation
(the circuit's first render above all) match against ~6,000 unused rules; Lighthouse found 97 % of it unused
(BENCHMARKS.md, "Lighthouse"). Offline and reproducible: it reads the MudBlazor package NuGet restored (the
version pinned in Directory.Packages.props) and the portal's own sources, nothing else.

Run it after upgrading MudBlazor or after starting to use a MudBlazor component the portal did not use before
(then take its family out of UNUSED_FAMILIES):
    python3 scripts/trim-mudblazor-css.py
MudBlazorStylesheetTests fails while the committed file was made from another MudBlazor version, and the
browser test beside it fails when a page shows a MudBlazor class whose rules were dropped.

What is kept:
- every rule without a class selector (html, body, scrollbars, keyframes...);
- a rule's selector when each of its classes is kept: a mud-* class unless it belongs to a family in
  UNUSED_FAMILIES (nor a mud-drawer variant the portal's responsive start drawer never takes, nor a colour
  the portal's buttons, chips and menu never have),
  any other class (the utilities: ma-2, d-flex, ...) only when it appears as a word in the portal's
  sources or in a string of MudBlazor.dll (the classes its components write into their markup).
"""
import os
import re
import sys
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "wwwroot" / "mudblazor.trimmed.css"

# Components the portal does not use (mud-<family>, mud-<family>-*, mud-<family>__*).
UNUSED_FAMILIES = """
autocomplete avatar badge card carousel chart charts clock collapse datagrid data day donut drop drag expand
expansion fab hour image menu minute onclock pagination picker radio range rating resizer resizing
skeleton slider split step stepper stepper__center stepper__horizontal stepper__vertical swipearea switch tab
tablepager tabs time timeline timepicker toggle tooltip treeview simple-table button-group
""".split()

# The portal has one drawer: DrawerVariant.Responsive, anchored at the start, breakpoint Md. The start is the
# left, or the right in an Arabic interface (MudRTLProvider, mud-application-layout-rtl).
DRAWER_UNUSED = re.compile(r"^mud-drawer.*(-(xs|sm|lg|xl|xxl)(-|$)|mini|persistent|-(end|top|bottom)$|-pos-(top|bottom))")


# Buttons, chips and the nav menu appear only in the primary, default, inherit, warning, success and error colours
# (the editor's publish and remove buttons take the last two).
UNUSED_COLOURS = re.compile(r"^mud-(button|chip|navmenu).*-(secondary|tertiary|info|dark)(-|$)")


def package_css_and_dll():
    props = (ROOT / "Directory.Packages.props").read_text(encoding="utf-8")
    version = re.search(r'Include="MudBlazor" Version="([^"]+)"', props).group(1)
    packages = Path(os.environ.get("NUGET_PACKAGES", Path.home() / ".nuget" / "packages"))
    package = packages / "mudblazor" / version
    css = package / "staticwebassets" / "MudBlazor.min.css"
    dlls = sorted(package.glob("lib/*/MudBlazor.dll"))
    if not css.exists() or not dlls:
        sys.exit(f"MudBlazor {version} is not in {packages}: run `dotnet restore Portal.sln` first")
    return version, css, dlls[-1]


def words_in_sources(dll):
    words = set()
    for pattern in ("Portal/**/*.razor", "Portal/**/*.cs", "wwwroot/*.js"):
        for path in ROOT.glob(pattern):
            if "/obj/" not in str(path) and "/bin/" not in str(path):
                words.update(re.findall(r"[A-Za-z][\w-]*", path.read_text(encoding="utf-8")))
    # The assembly's string literals (UTF-16 in the #US heap): class lists its components write.
    for literal in re.findall(rb"(?:[\x20-\x7e]\x00){2,}", dll.read_bytes()):
        words.update(re.findall(r"[A-Za-z][\w-]*", literal.decode("utf-16-le")))
    return words


# Utilities MudBlazor composes at run time, so no literal names them: MudGrid writes justify-{Justify}.
COMPOSED_UTILITY = re.compile(r"^(justify|align)-(start|end|center|space-between|space-around|space-evenly|baseline|stretch)$")


def is_kept(css_class, words):
    if css_class.startswith("mud-"):
        rest = css_class[4:]
        if any(rest == f or rest.startswith(f + "-") or rest.startswith(f + "_") for f in UNUSED_FAMILIES):
            return False
        return not DRAWER_UNUSED.search(css_class) and not UNUSED_COLOURS.search(css_class)
    return css_class in words or bool(COMPOSED_UTILITY.match(css_class))


def split_top_level(text, separator):
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def classes_of(selector):
    return [c.replace("\\", "") for c in re.findall(r"\.((?:\\.|[\w-])+)", selector)]


def parse_blocks(css, i=0):
    """Yields (prelude, body or None) for each statement until the closing brace of the current block."""
    out = []
    while i < len(css):
        while i < len(css) and css[i] in " \n\r\t\ufeff":
            i += 1
        if i >= len(css) or css[i] == "}":
            return out, i + 1
        if css.startswith("/*", i):
            i = css.index("*/", i) + 2
            continue
        j = i
        while css[j] not in "{;":
            j += 1
        prelude = css[i:j].strip()
        if css[j] == ";":
            out.append((prelude, None))
            i = j + 1
            continue
        if prelude.startswith("@media") or prelude.startswith("@supports") or prelude.startswith("@-moz-document"):
            inner, i = parse_blocks(css, j + 1)
            out.append((prelude, inner))
            continue
        depth, k = 1, j + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[k], 0)
            k += 1
        out.append((prelude, css[j + 1:k - 1]))
        i = k
    return out, i


def trim(statements, words):
    kept = []
    for prelude, body in statements:
        if isinstance(body, list):
            inner = trim(body, words)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif body is None:
            kept.append(prelude + ";")
        elif prelude.startswith("@-"):  # vendor-prefixed keyframes: every browser the portal supports has @keyframes
            continue
        elif prelude.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            selectors = [s for s in split_top_level(prelude, ",") if all(is_kept(c, words) for c in classes_of(s))]
            if selectors:
                kept.append(f"{','.join(s.strip() for s in selectors)}{{{body}}}")
    return "".join(kept)


def main():
    version, css_path, dll = package_css_and_dll()
    css = css_path.read_text(encoding="utf-8-sig")
    statements, _ = parse_blocks(css)
    trimmed = trim(statements, words_in_sources(dll))
    digest = hashlib.sha256(css_path.read_bytes()).hexdigest()
    header = (f"/* MudBlazor {version} MudBlazor.min.css (sha256 {digest}), trimmed to what the portal uses by\n"
              f"   scripts/trim-mudblazor-css.py: do not edit, run the script. MudBlazor: MIT licence, (c) 2021 MudBlazor,\n"
              f"   https://github.com/MudBlazor/MudBlazor/blob/master/LICENSE */\n")
    OUTPUT.write_text(header + trimmed + "\n", encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(trimmed):,} of {len(css):,} characters kept (MudBlazor {version})")


if __name__ == "__main__":
    main()
