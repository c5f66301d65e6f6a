#!/usr/bin/env bash
# Live capture-and-classify load: replays a pcap at a fixed rate into one end of a veth pair and runs
# `airlock watch` on the other end, each in its own network namespace (nothing leaves the machine).
# Prints tcpreplay's achieved rate, the watch's own summary (packets, kernel drops, flows, findings) and the CPU the
# airlock process used per second of wall time.
#
#   sudo bench/watch-replay.sh [PCAP] [MBPS] [LOOPS]
#
# PCAP defaults to the mix WatchThroughput writes (/tmp/airlock-bench-watch-mix.pcap); run that tool once first.
# Needs root, iproute2, tcpreplay and libpcap0.8 (apt-get install tcpreplay libpcap0.8).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

pcap="${1:-/tmp/airlock-bench-watch-mix.pcap}"
mbps="${2:-1000}"
loops="${3:-3}"
ns_a="airlock-bench-watch-$$"
ns_b="airlock-bench-replay-$$"

[ "$(id -u)" = 0 ] || { echo "watch-replay: needs root (network namespaces, capture)" >&2; exit 2; }
[ -f "$pcap" ] || { echo "watch-replay: $pcap is missing; run io.airlock.bench.WatchThroughput once" >&2; exit 2; }
command -v tcpreplay >/dev/null || { echo "watch-replay: apt-get install tcpreplay" >&2; exit 2; }

cleanup() { ip netns del "$ns_a" 2>/dev/null || true; ip netns del "$ns_b" 2>/dev/null || true; }
trap cleanup EXIT
ip netns add "$ns_a"
ip netns add "$ns_b"
ip link add veth-watch netns "$ns_a" type veth peer name veth-replay netns "$ns_b"
ip -n "$ns_a" link set veth-watch mtu 9000 up
ip -n "$ns_b" link set veth-replay mtu 9000 up

bytes=$(stat -c %s "$pcap")
seconds=$(( bytes * 8 * loops / (mbps * 1000000) + 8 ))
log="$(mktemp)"
ip netns exec "$ns_a" ./airlock watch -i veth-watch --promiscuous --fail-on never --duration "$seconds" \
  > /dev/null 2> "$log" &
watch_pid=$!
until grep -q watching "$log"; do sleep 0.2; done
java_pid=$(pgrep -n -f "watch -i veth-watch" || true)
cpu_before=$(awk '{print $14 + $15}' "/proc/$java_pid/stat")
t0=$(date +%s.%N)
ip netns exec "$ns_b" tcpreplay -i veth-replay --mbps="$mbps" --loop="$loops" --stats=0 "$pcap" 2>&1 \
  | grep -E "Actual|Rated|Failed" || true
t1=$(date +%s.%N)
cpu_after=$(awk '{print $14 + $15}' "/proc/$java_pid/stat")
wait "$watch_pid" || true
grep watched "$log"
awk -v c=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v t0="$t0" -v t1="$t1" \
  'BEGIN { printf "airlock CPU during the replay: %.2f core-seconds per second (%.1f s)\n", c / hz / (t1 - t0), t1 - t0 }'
rm -f "$log"
