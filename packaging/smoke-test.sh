#!/usr/bin/env bash
# Try a built bundle as a rep would, on a fresh data folder and with no Python of ours:
# its version, the built-in decks, a deck package's import plan, the schedule optimizer,
# and the window (offscreen) showing the first card. Also installs it into a scratch
# home with its install.sh and checks the desktop files there. Usage:
#   packaging/smoke-test.sh dist/sales-trainer-VERSION-linux-x86_64.tar.gz
set -euo pipefail
archive=$(realpath "$1")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$archive"
folder=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
app="$folder/sales-trainer/sales-trainer"
export TRAINER_DATA_DIR="$work/data"
# The bundle must not lean on this checkout or on any Python installed here.
export PYTHONPATH="" PYTHONHOME="" PATH="/usr/bin:/bin"

fail() { echo "smoke test: $*" >&2; exit 1; }

# Outputs are captured whole before being searched: "app | grep -q" would let grep stop
# reading early and the app die of SIGPIPE, failing the pipeline at random.
version=$("$app" --version)
grep -q "^trainer [0-9]" <<<"$version" || fail "--version"
decks=$("$app" decks)
for title in "Objections as engagement" "Pushing back respectfully" "Every call needs an objective"; do
    grep -q "$title" <<<"$decks" || fail "built-in deck '$title' not listed"
done
"$app" deck pack decks -o "$work/team.trainerdeck" >/dev/null
"$app" import "$work/team.trainerdeck" --dry-run --json > "$work/plan.json"
grep -q '"decks"' "$work/plan.json" || fail "import --dry-run --json printed no plan"
optimized=$("$app" optimize --json)
grep -q '"outcome"' <<<"$optimized" || fail "optimize"
# A cohort of 64 exports or more is read by worker processes, which a frozen program
# starts as itself: each must run its task, not the app (multiprocessing.freeze_support
# in packaging/launcher.py), or the app prints its usage from every worker.
mkdir "$work/cohort"
"$app" export progress -o "$work/cohort/rep-0.json" --name "Smoke Rep" >/dev/null
for n in $(seq 1 69); do cp "$work/cohort/rep-0.json" "$work/cohort/rep-$n.json"; done
"$app" cohort report "$work/cohort" -o "$work/cohort.html" > "$work/cohort.out" 2>&1 ||
    fail "cohort report: $(cat "$work/cohort.out")"
grep -q "from 70 exports" "$work/cohort.out" || fail "cohort report: $(cat "$work/cohort.out")"
! grep -qiE "usage:|unknown command|Traceback|died unexpectedly" "$work/cohort.out" ||
    fail "the cohort's worker processes started the app: $(cat "$work/cohort.out")"
shown=$(QT_QPA_PLATFORM=offscreen "$app" --smoke-test 2>/dev/null)
grep -q "^first card: ." <<<"$shown" || fail "the window did not show a first card"
grep -q "^native modules: all load" <<<"$shown" || fail "a native module is missing"
shown=$(QT_QPA_PLATFORM=offscreen LC_ALL=de_DE.UTF-8 "$app" --smoke-test 2>/dev/null)
grep -q "^language: de (Qt's own: yes)" <<<"$shown" ||
    fail "under a German locale the window did not speak German: $(grep language <<<"$shown")"

home="$work/home"
mkdir -p "$home"
HOME="$home" XDG_DATA_HOME="$home/.local/share" "$folder/install.sh" >/dev/null
entry="$home/.local/share/applications/io.github.salestrainer.trainer.desktop"
[ -f "$entry" ] || fail "install.sh wrote no menu entry"
grep -q "^Exec=$home/.local/lib/sales-trainer/sales-trainer %f" "$entry" ||
    fail "the menu entry does not start the installed app"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$entry"; fi
"$home/.local/bin/sales-trainer" --version >/dev/null || fail "the installed command"
HOME="$home" XDG_DATA_HOME="$home/.local/share" "$folder/install.sh" --uninstall >/dev/null
[ ! -e "$entry" ] && [ ! -e "$home/.local/bin/sales-trainer" ] || fail "--uninstall left files"
echo "smoke test passed: $shown"
