#!/usr/bin/env bash
# Build the self-contained Linux bundle from a clean checkout:
#   dist/sales-trainer/                              the app, one folder, no Python needed
#   dist/sales-trainer-VERSION-linux-x86_64.tar.gz   that folder with install.sh, packed
# Needs Python 3.11+ and, so that they go into the bundle, the xcb libraries Qt's
# platform plugin loads (Debian/Ubuntu: see XCB_PACKAGES below).
set -euo pipefail
cd "$(dirname "$0")/.."

# The exact PyInstaller: another version may collect different files.
PYINSTALLER="pyinstaller==6.22.3"
XCB_PACKAGES="libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0"

version=$(python3 -c 'import re, pathlib; print(re.search(r"__version__ = \"(.+)\"",
    pathlib.Path("trainer/__init__.py").read_text()).group(1))')
arch=$(uname -m)
name="sales-trainer-${version}-linux-${arch}"

missing=""
# Read whole first: "ldconfig -p | grep -q" can kill ldconfig with SIGPIPE, which
# pipefail would take for a missing library.
known=$(ldconfig -p 2>/dev/null || true)
for lib in libxcb-cursor.so.0 libxkbcommon-x11.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 \
           libxcb-shape.so.0 libxcb-render-util.so.0 libxcb-image.so.0; do
    grep -q "$lib" <<<"$known" || missing="$missing $lib"
done
if [ -n "$missing" ]; then
    echo "build.sh: these libraries must be on this machine to go into the bundle:$missing" >&2
    echo "build.sh: on Debian or Ubuntu: sudo apt install" $XCB_PACKAGES >&2
    exit 1
fi

venv="${TRAINER_BUILD_VENV:-build/venv}"
rm -rf "$venv" build/pyinstaller dist/sales-trainer "dist/$name" "dist/$name.tar.gz"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet . "$PYINSTALLER"
# The window's translations, from the committed .ts files.
"$venv/bin/python" packaging/translations.py release
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller packaging/sales-trainer.spec

# The archive: the app folder plus what installs it into the desktop.
mkdir -p "dist/$name"
cp -a dist/sales-trainer "dist/$name/sales-trainer"
cp packaging/install.sh "dist/$name/install.sh"
chmod +x "dist/$name/install.sh"
cp LICENSE "dist/$name/"
tar -C dist -czf "dist/$name.tar.gz" "$name"
rm -rf "dist/$name"

unpacked=$(du -sm dist/sales-trainer | cut -f1)
packed=$(( $(stat -c %s "dist/$name.tar.gz") / 1048576 ))
echo "built dist/$name.tar.gz: ${packed} MB packed, ${unpacked} MB unpacked"
echo "largest files:"
# awk reads the whole list: "head" would stop reading after eight lines, and sort,
# still writing, would die of SIGPIPE, which pipefail takes for a failed build.
find dist/sales-trainer -type f -printf "%s %P\n" | sort -rn |
    awk 'NR <= 8 {printf "  %6.1f MB  %s\n", $1 / 1048576, $2}'
