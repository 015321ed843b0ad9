#!/usr/bin/env bash
# Retake the desktop screenshots: the real window under Xvfb and openbox on the three desktops
# the game promises (1024x600, 1280x720, 1920x1080), in a window and full screen, at 100% and
# 200% text. For each, one picture of the title, the first page of play and two debrief pages,
# driven by real key presses (xdotool). Needs: xvfb xdotool imagemagick openbox.
#   bash docs/screenshots/desktops/take.sh            # writes docs/screenshots/desktops/*.png
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

shoot() {  # width height scale fullscreen(true|false) name
    local w=$1 h=$2 scale=$3 full=$4 name=$5 display=":$((60 + RANDOM % 30))"
    Xvfb "$display" -screen 0 "${w}x${h}x24" -nolisten tcp >/dev/null 2>&1 & local xvfb=$!
    sleep 1
    DISPLAY=$display openbox >/dev/null 2>&1 & local wm=$!
    sleep 1
    local home="$work/$name"
    mkdir -p "$home"
    printf '{"format": "keeping-trust-settings", "version": 1, "settings": {"text_scale": %s, "text_speed": 0, "fullscreen": %s}}\n' \
        "$scale" "$full" > "$home/settings.json"
    (cd "$root" && KEEPING_TRUST_HOME="$home" DISPLAY=$display SDL_AUDIODRIVER=dummy \
        python main.py --short --seed 404 >/dev/null 2>&1) & local game=$!
    sleep 3
    key() { DISPLAY=$display xdotool key "$@"; sleep 0.4; }
    snap() { DISPLAY=$display import -window root "$work/$name-$1.png"; }
    snap 1-title
    key Return; sleep 1; snap 2-play
    for _ in $(seq 1 40); do key space 1; done
    sleep 1; snap 3-debrief
    key Right Right Right; snap 4-debrief
    kill "$game" 2>/dev/null || true; sleep 0.5; kill "$wm" "$xvfb" 2>/dev/null || true
    montage -geometry 640x+6+6 -tile 4x1 -background '#202020' \
        "$work/$name"-1-title.png "$work/$name"-2-play.png "$work/$name"-3-debrief.png \
        "$work/$name"-4-debrief.png "$here/$name.png"
    convert "$here/$name.png" -colors 200 "PNG8:$here/$name.png"   # a quarter of the bytes
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
echo "written to $here"
