#!/usr/bin/env bash
# Refreshes the README's screenshots (docs/*.png) from the browser tests, which take them in headless
# Chromium against the bundled sample catalog at its as-of instant. Needs /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

export CATALOG_REQUIRE_EXTERNAL=1
out=tests/Catalog.Api.Tests/bin/Release/net10.0/screenshots
rm -rf "$out"
dotnet build tests/Catalog.Api.Tests -c Release
dotnet test tests/Catalog.Api.Tests -c Release --no-build --filter "FullyQualifiedName~Catalog.Api.Tests.Browser"

shopt -s nullglob
shots=("$out"/*.png)
if [ "${#shots[@]}" -eq 0 ]; then
  echo "no screenshots in $out" >&2
  exit 1
fi
# The harness's own self-check picture is not documentation.
for shot in "${shots[@]}"; do
  case "$(basename "$shot")" in harness-*) continue ;; esac
  cp "$shot" docs/
  echo "docs/$(basename "$shot")"
done
