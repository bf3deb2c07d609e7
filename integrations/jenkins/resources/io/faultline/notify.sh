#!/bin/sh
# Sends this Jenkins build to a Faultline webhook: Jenkins' own wfapi/describe of the build (the Pipeline: Stage
# View plugin's REST API), the git and run context wfapi lacks, and the console log of each failed stage, in one
# JSON body signed with the hook's secret (X-Faultline-Signature: sha256=<hex HMAC-SHA256 of the body>).
#
# Runs on the agent (sh, curl, openssl, jq). The faultlineNotify step of this library sets these; without the
# library, set them with withEnv/withCredentials around `sh 'sh faultline-notify.sh'`:
#   FAULTLINE_URL            the hook's URL (Faultline → Settings → Webhooks)
#   FAULTLINE_SECRET         the hook's secret, from a Secret text credential
#   FAULTLINE_RESULT         currentBuild.currentResult once the build has ended; empty for a notification while it runs
#   FAULTLINE_CAUSES         currentBuild.getBuildCauses() (JSON); optional
#   FAULTLINE_QUEUED_MILLIS  currentBuild.timeInMillis, when the build was scheduled; optional
#   FAULTLINE_JENKINS_USER, FAULTLINE_JENKINS_TOKEN
#                            a Jenkins user and API token, where anonymous users cannot read this build; optional
#   FAULTLINE_LOG_BYTES      how much of the end of each failed stage's log is sent; default 1048576 (1 MB)
# and Jenkins' own BUILD_URL, JOB_NAME, BUILD_NUMBER, BRANCH_NAME, CHANGE_BRANCH, GIT_URL, GIT_BRANCH, GIT_COMMIT.
set -eu

: "${FAULTLINE_URL:?is the Faultline hook URL}"
: "${FAULTLINE_SECRET:?is the hook secret}"
: "${BUILD_URL:?is set by Jenkins}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# GET a resource of this build from Jenkins into a file; the API token goes through stdin, not the command line.
jenkins_get() {
  if [ -n "${FAULTLINE_JENKINS_USER:-}" ]; then
    printf 'user = "%s:%s"\n' "$FAULTLINE_JENKINS_USER" "${FAULTLINE_JENKINS_TOKEN:-}" |
      curl -fsS --retry 2 -K - -o "$2" "$BUILD_URL$1"
  else
    curl -fsS --retry 2 -o "$2" "$BUILD_URL$1"
  fi
}

jenkins_get wfapi/describe "$work/describe.json"

# Each failed stage's log: its steps' logs in order (a failed step followed by its error, as the console shows it),
# CRLF as LF (Stapler sends CRLF), the last FAULTLINE_LOG_BYTES bytes kept.
printf '{}' > "$work/logs.json"
for stage in $(jq -r '.stages[]? | select(.status == "FAILED" or .status == "UNSTABLE") | .id' "$work/describe.json"); do
  jenkins_get "execution/node/$stage/wfapi/describe" "$work/stage.json"
  : > "$work/stage.log"
  for step in $(jq -r '.stageFlowNodes[]? | select(._links.log) | .id' "$work/stage.json"); do
    # A step that printed nothing has no log (404).
    if jenkins_get "execution/node/$step/log/logText/progressiveText?start=0" "$work/step.log" 2>/dev/null; then
      cat "$work/step.log" >> "$work/stage.log"
    fi
    jq -r --arg id "$step" '.stageFlowNodes[] | select(.id == $id and .status == "FAILED") | .error.message // empty | "ERROR: " + .' \
      "$work/stage.json" >> "$work/stage.log"
  done
  awk '{ sub(/\r$/, ""); print }' "$work/stage.log" | tail -c "${FAULTLINE_LOG_BYTES:-1048576}" > "$work/tail.log"
  jq --arg id "$stage" --rawfile log "$work/tail.log" '.[$id] = $log' "$work/logs.json" > "$work/next.json"
  mv "$work/next.json" "$work/logs.json"
done

# A multibranch job is one branch of its project: the pipeline is the project.
pipeline=$JOB_NAME
if [ -n "${BRANCH_NAME:-}" ]; then pipeline=${JOB_NAME%/*}; fi

jq -n --slurpfile describe "$work/describe.json" --slurpfile logs "$work/logs.json" \
  --arg jobName "$JOB_NAME" --arg buildNumber "$BUILD_NUMBER" --arg buildUrl "$BUILD_URL" --arg pipeline "$pipeline" \
  --arg result "${FAULTLINE_RESULT:-}" --arg queued "${FAULTLINE_QUEUED_MILLIS:-}" --arg causes "${FAULTLINE_CAUSES:-[]}" \
  --arg gitUrl "${GIT_URL:-}" --arg branch "${CHANGE_BRANCH:-${BRANCH_NAME:-${GIT_BRANCH:-}}}" --arg commit "${GIT_COMMIT:-}" '
  def text: if . == "" then null else . end;
  {jobName: $jobName, buildNumber: ($buildNumber | tonumber), buildUrl: $buildUrl, pipeline: $pipeline,
   result: ($result | text), queuedTimeMillis: ($queued | text | if . then tonumber else null end),
   git: {url: ($gitUrl | text), branch: ($branch | text), commit: ($commit | text)},
   causes: ($causes | fromjson), describe: $describe[0], logs: $logs[0]}' > "$work/body.json"

signature=$(openssl dgst -sha256 -hmac "$FAULTLINE_SECRET" -r "$work/body.json" | cut -d ' ' -f 1)
status=$(curl -sS --retry 3 -o "$work/answer.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  -H "X-Faultline-Signature: sha256=$signature" --data-binary "@$work/body.json" "$FAULTLINE_URL")
echo "Faultline answered $status: $(cat "$work/answer.json")"
case $status in
  2??) ;;
  *) exit 1 ;;
esac
