#!/bin/sh
# What `make pdf` needs besides Python: LuaLaTeX with latexmk, the LaTeX packages Sphinx's LaTeX output
# loads, and the DejaVu fonts the PDF is set in (docs/conf.py). Each is looked for as it is used, so a
# TeX installation of any origin counts; what is missing is installed with apt-get (Debian's packages),
# or, where that cannot be done, named with the command that installs it.
set -eu

missing=""
need() {  # need PACKAGE CHECK...: the Debian package PACKAGE is wanted unless the check succeeds
    package=$1
    shift
    "$@" >/dev/null 2>&1 || missing="$missing $package"
}
has_file() { [ -n "$(kpsewhich "$1")" ]; }
has_font() { fc-list "$1" | grep -q .; }

need latexmk command -v latexmk
need texlive-luatex has_file luaotfload.sty
need texlive-latex-recommended has_file fontspec.sty
need texlive-latex-extra has_file tabulary.sty
need fontconfig command -v fc-list
need fonts-dejavu-core has_font "DejaVu Serif"
need fonts-dejavu-extra has_font "DejaVu Math TeX Gyre"
[ -z "$missing" ] && exit 0

install="apt-get install -y --no-install-recommends$missing"
if ! command -v apt-get >/dev/null 2>&1; then
    echo "make pdf: missing$missing (Debian's names); install LuaLaTeX, latexmk and the DejaVu fonts" >&2
    exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "make pdf: missing$missing; install them as root: sudo apt-get update && sudo $install" >&2
    exit 1
fi
echo "make pdf: installing$missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive $install -qq >/dev/null
