#!/usr/bin/env bash
# Retake the desktop screenshots: the real window under Xvfb and openbox on the three desktops
# the game promises (1024x600, 1280x720, 1920x1080), in a window and full screen, at 100% and
# 200% text, driven by real key presses (xdotool). Needs: xvfb xdotool imagemagick openbox.
#
#   <size>-<window|full>-<100|200>.png   the title, the first page of play and two debrief
#                                        pages of a short life
#   debrief-<size>-<100|200>-<full|short>.png
#                                        every page of the debrief of one full and one short
#                                        life, in order, opened from "Read the debrief again"
#
#   bash docs/screenshots/desktops/take.sh            # writes docs/screenshots/desktops/*.png
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
python="${PYTHON:-python}"
work="$(mktemp -d)"
started=()                       # every X server, window manager and game this run started
trap 'for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"' EXIT

start_display() {  # width height -> sets display, xvfb, wm
    display=":$((60 + RANDOM % 30))"
    Xvfb "$display" -screen 0 "${1}x${2}x24" -nolisten tcp >/dev/null 2>&1 & xvfb=$!
    sleep 1
    DISPLAY=$display openbox >/dev/null 2>&1 & wm=$!
    started+=("$xvfb" "$wm")
    sleep 1
}

settings() {  # home scale fullscreen(true|false)
    mkdir -p "$1"
    printf '{"format": "keeping-trust-settings", "version": 1, "settings": {"text_scale": %s, "text_speed": 0, "fullscreen": %s}}\n' \
        "$2" "$3" > "$1/settings.json"
}

key() { DISPLAY=$display xdotool key "$@"; sleep 0.4; }
snap() { DISPLAY=$display import -window root "$1"; }
small() { convert "$1" -colors 200 "PNG8:$1"; }   # a quarter of the bytes

shoot() {  # width height scale fullscreen(true|false) name
    local w=$1 h=$2 scale=$3 full=$4 name=$5
    start_display "$w" "$h"
    local home="$work/$name"
    settings "$home" "$scale" "$full"
    (cd "$root" && KEEPING_TRUST_HOME="$home" DISPLAY=$display SDL_AUDIODRIVER=dummy \
        "$python" main.py --short --seed 404 >/dev/null 2>&1) & local game=$!
    started+=("$game")
    sleep 3
    snap "$work/$name-1-title.png"
    key Return; sleep 1; snap "$work/$name-2-play.png"
    # Space reads on and never chooses; the number key chooses (the ending's Continue is 1).
    for _ in $(seq 1 40); do key space 1; done
    sleep 1; snap "$work/$name-3-debrief.png"
    key Right Right Right; snap "$work/$name-4-debrief.png"
    kill "$game" 2>/dev/null || true; sleep 0.5; kill "$wm" "$xvfb" 2>/dev/null || true
    montage -geometry 640x+6+6 -tile 4x1 -background '#202020' \
        "$work/$name"-1-title.png "$work/$name"-2-play.png "$work/$name"-3-debrief.png \
        "$work/$name"-4-debrief.png "$here/$name.png"
    small "$here/$name.png"
}

finished_life() {  # home seed route: a life played to its ending, its guesses made, kept as
                   # the finished game the title screen's "Read the debrief again" opens
    (cd "$root" && KEEPING_TRUST_HOME="$1" "$python" - "$2" "$3" <<'EOF'
import sys
from pathlib import Path

from game.engine import Session, load_story
from game.engine.guesses import GUESSES
from game.playthroughs import Playthroughs
from game.saves import ENDING, SlotStore
from game.tools.explore import picker_for

seed, route = int(sys.argv[1]), sys.argv[2]
story = load_story(Path("story"))
life, picker = Session.new(story, seed=seed, route=route), picker_for(seed)
while not life.is_over:
    life.choose(picker.choice(life.page.choices).number)
for guess in GUESSES:
    life.guess(guess.id, "unsure")
Playthroughs(story, SlotStore(), print).save(ENDING, life)
EOF
    )
}

debrief_pages() {  # width height scale percent route seed: every page of one life's debrief
    local w=$1 h=$2 scale=$3 route=$5 seed=$6
    local name="debrief-${w}x${h}-$4-$route"
    start_display "$w" "$h"
    local home="$work/$name"
    settings "$home" "$scale" true
    finished_life "$home" "$seed" "$route"
    (cd "$root" && KEEPING_TRUST_HOME="$home" DISPLAY=$display SDL_AUDIODRIVER=dummy \
        "$python" main.py >/dev/null 2>&1) & local game=$!
    started+=("$game")
    sleep 3
    # After an ending the title's default is New game: Down twice is "Read the debrief again".
    key Down Down Return; sleep 1
    local n=1
    snap "$work/$name-p$(printf %02d $n).png"
    while [ $n -lt 40 ]; do
        key Right; n=$((n + 1))
        snap "$work/$name-p$(printf %02d $n).png"
        if cmp -s "$work/$name-p$(printf %02d $n).png" "$work/$name-p$(printf %02d $((n - 1))).png"; then
            rm "$work/$name-p$(printf %02d $n).png"; break   # the last page: Right turns no more
        fi
    done
    kill "$game" 2>/dev/null || true; sleep 0.5; kill "$wm" "$xvfb" 2>/dev/null || true
    montage -geometry 480x+4+4 -tile 5x -background '#202020' "$work/$name"-p*.png "$here/$name.png"
    small "$here/$name.png"
}

for desktop in "1024 600" "1280 720" "1920 1080"; do
    set -- $desktop
    for mode in window full; do
        for size in 1.0:100 2.0:200; do
            full=false; [ "$mode" = full ] && full=true
            shoot "$1" "$2" "${size%%:*}" "$full" "${1}x${2}-${mode}-${size##*:}"
        done
    done
done
for desktop in "1024 600" "1920 1080"; do
    set -- $desktop
    for size in 1.0:100 2.0:200; do
        debrief_pages "$1" "$2" "${size%%:*}" "${size##*:}" full 0
        debrief_pages "$1" "$2" "${size%%:*}" "${size##*:}" short 3
    done
done
echo "written to $here"
