/**
 * Sends this build to Faultline: the run, its stages as Jenkins' wfapi reports them, and the console log of each
 * failed stage, signed with the hook's secret. Call it where the build has ended:
 *
 *   post { always { faultlineNotify(url: 'https://faultline.example.com/api/v1/hooks/jenkins/<hook id>',
 *                                   credentialsId: 'faultline-hook-secret') } }
 *
 * url                   the hook's URL (Faultline → Settings → Webhooks)
 * credentialsId         a Secret text credential holding the hook's secret
 * jenkinsCredentialsId  optional: a Username with password credential (a Jenkins user and API token), where
 *                       anonymous users cannot read this build's wfapi
 * running               optional: true for a notification while the build runs (the build's result is not sent)
 * logBytes              optional: how much of the end of each failed stage's log is sent (default 1 MB)
 *
 * It runs resources/io/faultline/notify.sh on the current agent, which needs sh, curl, openssl and jq. A failed
 * notification is reported in the console and does not change the build's result.
 */
def call(Map args) {
    if (!args.url || !args.credentialsId) {
        error 'faultlineNotify needs url and credentialsId'
    }
    def credentials = [string(credentialsId: args.credentialsId, variable: 'FAULTLINE_SECRET')]
    if (args.jenkinsCredentialsId) {
        credentials << usernamePassword(credentialsId: args.jenkinsCredentialsId,
                usernameVariable: 'FAULTLINE_JENKINS_USER', passwordVariable: 'FAULTLINE_JENKINS_TOKEN')
    }
    def context = [
            "FAULTLINE_URL=${args.url}",
            "FAULTLINE_RESULT=${args.running ? '' : currentBuild.currentResult}",
            "FAULTLINE_CAUSES=${currentBuild.getBuildCauses()}",
            "FAULTLINE_QUEUED_MILLIS=${currentBuild.timeInMillis}",
            "FAULTLINE_LOG_BYTES=${args.logBytes ?: 1048576}",
    ]
    withEnv(context) {
        withCredentials(credentials) {
            try {
                sh(script: libraryResource('io/faultline/notify.sh'), label: 'Faultline notification')
            } catch (hudson.AbortException failed) {
                // The script's own exit (Faultline or Jenkins' API unreachable, refused): an abort of the build still stops it.
                echo "Faultline was not notified: ${failed.message}"
            }
        }
    }
}
