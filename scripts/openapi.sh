#!/usr/bin/env bash
# Rewrites the public API contract from the running server's /openapi/v1.json into clientapp/src/api/openapi.json,
# and the SPA's types generated from it (clientapp/src/api/openapi.ts). Run after changing an endpoint or a DTO,
# then commit both files: `make test` fails while they differ from what the server serves.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet build Clean.sln -c Release --nologo -v q -clp:ErrorsOnly
FAULTLINE_UPDATE_OPENAPI=1 dotnet test tests/WebApi.Tests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~OpenApiContractTests.The_served_document_is_the_committed_one"
cd clientapp
npx openapi-typescript
npx redocly lint
