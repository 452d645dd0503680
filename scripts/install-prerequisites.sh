#!/usr/bin/env bash
# Installs what RefundSaver needs beside the .NET SDK, only if it is missing: PostgreSQL (its server
# binaries) and Redis, which the AppHost runs by default, and curl and jq, which README's steps and
# scripts/demo.sh use (and the tests that run them), from Debian/Ubuntu packages.
set -euo pipefail

missing=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" > /dev/null || missing+=(postgresql)
command -v redis-server > /dev/null || missing+=(redis-server)
command -v curl > /dev/null || missing+=(curl)
command -v jq > /dev/null || missing+=(jq)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${missing[*]} ..."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The packages start system-wide services we do not use: RefundSaver starts its own private servers.
$sudo systemctl disable --now redis-server postgresql > /dev/null 2>&1 || true
