#!/bin/sh
# The long crash campaign: podium driven through a scripted meeting in a pseudo-terminal and
# killed with SIGKILL 200 times at random moments, checked after every relaunch
# (tests/crash_campaign.rs; docs/RELIABILITY.md). Takes a few minutes; not for CI.
#
#   scripts/crash-campaign.sh                  # 200 kills, a fresh seed
#   PODIUM_KILLS=1000 scripts/crash-campaign.sh
#   PODIUM_SEED=1234 scripts/crash-campaign.sh # replay a seed's script
set -eu
cd "$(dirname "$0")/.."
PODIUM_KILLS="${PODIUM_KILLS:-200}" exec cargo test --release --test crash_campaign -- --nocapture
