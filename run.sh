#!/usr/bin/env bash
# Starts the whole system (PostgreSQL, Redis, the App Store simulator, the API and Aspire's dashboard) with the AppHost, installing what is missing first.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh
exec dotnet run --project RefundSaver.AppHost "$@"
