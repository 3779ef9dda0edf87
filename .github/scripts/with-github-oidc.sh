#!/usr/bin/env bash
# Runs a command with Alibaba Cloud credentials from the job's GitHub OIDC token: no access key is
# stored anywhere. The command's credential chain (@alicloud/credentials) exchanges the token for
# an STS session of the RAM role (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, and the
# token file this script names in ALIBABA_CLOUD_OIDC_TOKEN_FILE). A GitHub ID token lives minutes
# and the session an hour; the chain re-reads the file each time it renews the session, so a
# fresh token is written to it every few minutes while the command runs.
#
#   .github/scripts/with-github-oidc.sh node bin/ebs-conformance.mjs sweep --all-tagged
#
# Needs `permissions: id-token: write`. Exits with the command's status.
set -euo pipefail
: "${ACTIONS_ID_TOKEN_REQUEST_URL:?no GitHub OIDC token endpoint: the job needs permissions id-token: write}"
: "${ACTIONS_ID_TOKEN_REQUEST_TOKEN:?no GitHub OIDC request token: the job needs permissions id-token: write}"
: "${ALIBABA_CLOUD_ROLE_ARN:?set ALIBABA_CLOUD_ROLE_ARN: the RAM role the OIDC token may assume}"
: "${ALIBABA_CLOUD_OIDC_PROVIDER_ARN:?set ALIBABA_CLOUD_OIDC_PROVIDER_ARN: the RAM OIDC identity provider of GitHub}"
# The client ID the RAM identity provider lists (GitHub's guide for Alibaba Cloud suggests this one).
audience="${EBS_OIDC_AUDIENCE:-sts.aliyuncs.com}"
every="${EBS_OIDC_REFRESH_SECONDS:-240}"
dir="$(mktemp -d "${RUNNER_TEMP:-/tmp}/github-oidc.XXXXXX")"
export ALIBABA_CLOUD_OIDC_TOKEN_FILE="$dir/token"

# The token goes to the file only, never to the log; the file is replaced whole, never half-written.
fetch() {
  local body
  body="$(curl -sSf --max-time 30 -H "Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" \
    "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=$audience")" || return 1
  (umask 077 && jq -er .value <<<"$body" >"$dir/token.new") && mv "$dir/token.new" "$ALIBABA_CLOUD_OIDC_TOKEN_FILE"
}

fetch
(
  while sleep "$every"; do
    fetch || echo "github-oidc: could not refresh the ID token; the previous one stays" >&2
  done
) &
refresher=$!
stop() {
  pkill -P "$refresher" 2>/dev/null || true
  kill "$refresher" 2>/dev/null || true
  rm -rf "$dir"
}
trap stop EXIT

set +e
"$@"
exit $?
