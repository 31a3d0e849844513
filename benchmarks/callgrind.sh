#!/usr/bin/env bash
# Instruction counts of each pipeline stage on a fixed input (the five example articles, once), under callgrind:
# unlike timings they do not depend on the machine's load, so a change in the hot path shows as a change in Ir.
#   benchmarks/callgrind.sh           compare with benchmarks/callgrind-baseline.txt (exit 1 past +3% on a stage)
#   benchmarks/callgrind.sh --update  measure and rewrite the baseline
# Only the timed pass of a stage is counted (callgrind collects inside run_stage_pass alone, after a warm-up pass),
# so one-time costs such as building the Extractor or loading ICU data are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup --callgrind
update=false
[ "${1:-}" = "--update" ] && update=true

build=${BUILD_DIR:-build/bench}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHRONOWEAVE_BUILD_TESTS=OFF \
      -DCHRONOWEAVE_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" -j2 >/dev/null
bench="$build/benchmarks/chronoweave_bench"
out="$build/callgrind"
mkdir -p "$out"
baseline=benchmarks/callgrind-baseline.txt
bytes=$(cat examples/articles/0*.txt | wc -c)

report=$out/report.txt
{
  echo "# callgrind instruction counts (Ir) of one pass of each stage over the five example articles ($bytes bytes)."
  echo "# Regenerate with benchmarks/callgrind.sh --update; compare with benchmarks/callgrind.sh."
  echo "# $(g++ --version | head -1); ICU $(pkg-config --modversion icu-uc 2>/dev/null || echo '?'); $(valgrind --version)"
  printf "%-10s %14s %10s\n" "stage" "Ir" "Ir/byte"
} >"$report"
for stage in utf8 sentences tokenize timexes extract; do
  valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*run_stage_pass*' \
           --callgrind-out-file="$out/$stage.out" \
           "$bench" --no-corpora --target-mb 0 --runs 1 --stage "$stage" >/dev/null 2>"$out/$stage.log"
  ir=$(callgrind_annotate "$out/$stage.out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
  printf "%-10s %14s %10.1f\n" "$stage" "$ir" "$(echo "$ir / $bytes" | bc -l)" >>"$report"
done
{
  echo
  echo "# extract: functions by exclusive Ir (top 25)"
  callgrind_annotate --inclusive=no --threshold=100 "$out/extract.out" 2>/dev/null |
    awk '/^-+$/ {sep++; next} sep >= 3 && NF > 1 && /^ *[0-9,]+ / && !/PROGRAM TOTALS|below main|libc_start|ld-linux|:main |_Function_handler|run_stage_pass|Extractor::extract/ && n++ < 25 {print}' |
    sed -E 's/\(std::vector<chronoweave::impl::Token[^)]*\)//; s/std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >/std::string/g' |
    cut -c1-170
  echo
  echo "# extract: functions by inclusive Ir (top 25)"
  callgrind_annotate --inclusive=yes --threshold=100 "$out/extract.out" 2>/dev/null |
    awk '/^-+$/ {sep++; next} sep >= 3 && NF > 1 && /^ *[0-9,]+ / && !/PROGRAM TOTALS|below main|libc_start|ld-linux|:main |_Function_handler|run_stage_pass|Extractor::extract/ && n++ < 25 {print}' |
    sed -E 's/\(std::vector<chronoweave::impl::Token[^)]*\)//; s/std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >/std::string/g' |
    cut -c1-170
} >>"$report"

if $update; then
  cp "$report" "$baseline"
  cat "$baseline"
  echo "== wrote $baseline"
  exit 0
fi
cat "$report"
[ -f "$baseline" ] || { echo "== no $baseline yet: run with --update" >&2; exit 1; }
echo
echo "== against $baseline"
regressed=0
for stage in utf8 sentences tokenize timexes extract; do
  now=$(awk -v s="$stage" '$1 == s {print $2}' "$report")
  was=$(awk -v s="$stage" '$1 == s {print $2}' "$baseline")
  change=$(echo "($now - $was) * 100 / $was" | bc -l)
  printf "%-10s %14s -> %14s  %+6.1f%%\n" "$stage" "$was" "$now" "$change"
  if [ "$(echo "$change > 3" | bc -l)" = 1 ]; then regressed=1; fi
done
[ $regressed = 0 ] || { echo "== more than 3% more instructions on a stage" >&2; exit 1; }
