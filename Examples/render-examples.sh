#!/usr/bin/env bash
# Draws the example pictures. Usage: Examples/render-examples.sh KGRAPH OUTDIR
# `make examples` writes them into Examples/; a test draws them into a temporary folder and
# checks that the committed ones are current.
set -euo pipefail
kgraph=$1 out=$2
cd "$(dirname "$0")/.."
"$kgraph" render --graph Graphs -o "$out/graph.svg"
"$kgraph" render --graph Graphs --focus "Kataib Hezbollah" --depth 1 \
  --title "Kata'ib Hezbollah: backers, attacks and the strikes on it" -o "$out/kataib-hezbollah.svg"
"$kgraph" render --graph Graphs --path IRGC "Tower 22" -k 3 --focus "Tower 22" \
  --title "How the IRGC is connected to Tower 22" -o "$out/path-irgc-tower-22.svg"
"$kgraph" render --graph Graphs --path Iran "US base" -k 4 --only-path \
  --title "From Iran to the US bases" -o "$out/path-iran-us-bases.svg"
"$kgraph" render --graph Graphs --type struck,attacked --since 2024 --cluster-by country \
  --title "Strikes and attacks since January 2024, by country" -o "$out/strikes-2024.svg"
