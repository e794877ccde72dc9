npm run api:check     # builds the packages, fails with a diff where a surface differs from its report (CI runs it)
npm run api:update    # builds the packages and rewrites every report; commit them with a changeset
node .ci/api-report.mjs --update @wsc/sdk   # one package (after building it)
