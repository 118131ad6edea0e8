#!/usr/bin/env sh
# Install Sales Trainer for this user, from the unpacked archive it came in:
#   ./install.sh              the app in ~/.local/lib/sales-trainer, the command
#                             ~/.local/bin/sales-trainer, and the applications menu entry,
#                             icon and .trainerdeck file type (freedesktop conventions)
#   ./install.sh --uninstall  remove all of that (your profiles and backups stay)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
app="$HOME/.local/lib/sales-trainer"
bin="$HOME/.local/bin"

if [ "${1:-}" = "--uninstall" ]; then
    if [ -x "$app/sales-trainer" ]; then
        "$app/sales-trainer" desktop uninstall
    fi
    rm -f "$bin/sales-trainer"
    rm -rf "$app"
    echo "Sales Trainer is uninstalled. Your profiles and backups are kept in $data/sales-trainer."
    exit 0
fi
if [ -n "${1:-}" ]; then
    echo "usage: $0 [--uninstall]" >&2
    exit 2
fi

mkdir -p "$app" "$bin"
rm -rf "$app.new"
cp -a "$here/sales-trainer" "$app.new"
rm -rf "$app"
mv "$app.new" "$app"
ln -sf "$app/sales-trainer" "$bin/sales-trainer"
"$app/sales-trainer" desktop install --launcher "$app/sales-trainer"
echo "Installed. Start it from the applications menu, or run: $bin/sales-trainer"
case ":$PATH:" in
    *":$bin:"*) ;;
    *) echo "($bin is not on your PATH; add it to run 'sales-trainer' by name.)" ;;
esac
